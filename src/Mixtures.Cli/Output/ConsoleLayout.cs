using System.Globalization;
using Spectre.Console;

namespace Mixtures.Cli.Output;

/// <summary>
/// The width tables are laid out for: <c>COLUMNS</c> when set (as shells and CI systems export it), the
/// terminal's width otherwise, and a wide layout when output is redirected, so that a table written to a
/// file or a pipe is never wrapped to some guessed terminal width.
/// </summary>
internal static class ConsoleLayout
{
    /// <summary>Width for redirected output: wide enough for any table the tool prints.</summary>
    public const int RedirectedWidth = 400;

    public static void Configure()
    {
        var columns = Environment.GetEnvironmentVariable("COLUMNS");
        if (int.TryParse(columns, NumberStyles.Integer, CultureInfo.InvariantCulture, out int width) && width >= 20)
            AnsiConsole.Profile.Width = width;
        else if (Console.IsOutputRedirected)
            AnsiConsole.Profile.Width = RedirectedWidth;
    }

    /// <summary>A right-aligned column that never wraps: numbers are never split over lines.</summary>
    public static TableColumn Number(string header) => new TableColumn(header).RightAligned().NoWrap();

    /// <summary>About 4 significant digits, as tables show numbers (full precision stays in JSON).</summary>
    public static string Short(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
