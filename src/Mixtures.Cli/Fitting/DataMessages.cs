using System.Text.RegularExpressions;
using Mixtures.Cli.Io;

namespace Mixtures.Cli.Fitting;

/// <summary>
/// Rewrites the library's data errors in the file's terms: 0-based "column 3" becomes the column's
/// name and 0-based "row 16" the file's 1-based data row, prefixed by the file name; library option
/// names become the flags a CLI user types.
/// </summary>
internal static partial class DataMessages
{
    /// <summary>Library options that data messages may name, and the flag that sets each.</summary>
    private static readonly (string Option, string Flag)[] Flags = [("BinarizeThreshold", "--binarize")];

    public static CliException Locate(ArgumentException e, DataSet data)
    {
        var message = ErrorReporter.OneLine(ErrorReporter.Classify(e).Message);
        message = ColumnRegex().Replace(message, m =>
            int.TryParse(m.Groups[2].Value, out var j) && j >= 0 && j < data.Columns ? $"{m.Groups[1].Value} '{data.FeatureNames[j]}'" : m.Value);
        message = RowRegex().Replace(message, m =>
            long.TryParse(m.Groups[2].Value, out var i) && i >= 0 && i < data.Rows ? $"{m.Groups[1].Value} {i + 1}" : m.Value);
        foreach (var (option, flag) in Flags) message = message.Replace(option, flag, StringComparison.Ordinal);
        return new CliException($"{Path.GetFileName(data.Source)}: {message}", ExitCodes.BadInput, e);
    }

    [GeneratedRegex(@"\b([Cc]olumn) (\d+)\b")]
    private static partial Regex ColumnRegex();

    [GeneratedRegex(@"\b([Rr]ow) (\d+)\b")]
    private static partial Regex RowRegex();
}
