using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mixtures.Cli;

/// <summary>Maps exceptions to an exit code and a one-line message.</summary>
internal static partial class ErrorReporter
{
    public static (int Code, string Message) Classify(Exception e) => e switch
    {
        CliException c => (c.ExitCode, OneLine(c.Message)),
        DegenerateFitException d => (ExitCodes.FitFailed, "fit failed: " + OneLine(d.Message)),
        ArgumentException a => (ExitCodes.BadInput, OneLine(StripParameter(a.Message))),
        InvalidDataException or JsonException or FormatException => (ExitCodes.BadInput, OneLine(e.Message)),
        FileNotFoundException f => (ExitCodes.BadInput, $"{f.FileName}: file not found."),
        DirectoryNotFoundException or UnauthorizedAccessException or IOException => (ExitCodes.BadInput, OneLine(e.Message)),
        InvalidOperationException when e.GetType().Name.Contains("Format", StringComparison.Ordinal) => (ExitCodes.BadInput, OneLine(e.Message)),
        InvalidOperationException => (ExitCodes.FitFailed, "fit failed: " + OneLine(e.Message)),
        _ => (ExitCodes.FitFailed, $"unexpected error ({e.GetType().Name}): {OneLine(e.Message)} (run with --verbose for details)"),
    };

    /// <summary>Collapses a message to a single line.</summary>
    public static string OneLine(string message) => Whitespace().Replace(message.Trim(), " ");

    private static string StripParameter(string message) => ParameterSuffix().Replace(message, "");

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)(\s*Actual value was [^.]*\.)?")]
    private static partial Regex ParameterSuffix();

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex Whitespace();
}
