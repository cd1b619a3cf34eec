using System.Globalization;

namespace Mixtures.Cli.Io;

/// <summary>Writes numeric tables as CSV (invariant culture, round-trip precision), staged with the command's other outputs or to stdout.</summary>
internal static class CsvTableWriter
{
    /// <summary>Rows written between two looks at the cancellation token: a few milliseconds of formatting.</summary>
    private const int RowsPerCheck = 4096;

    /// <summary>
    /// Writes <paramref name="header"/> then one line per row produced by <paramref name="writeRow"/> (for
    /// <paramref name="rowCount"/> rows) to <paramref name="path"/>, or to stdout when it is null or "-".
    /// </summary>
    public static void Write(OutputFiles outputs, string? path, IReadOnlyList<string> header, int rowCount, Action<int, TextWriter> writeRow,
        string? note = null)
    {
        var ct = outputs.CancellationToken;
        outputs.Stage(path ?? OutputFiles.Stdout, stream =>
        {
            using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            w.Write(string.Join(",", header.Select(Quote)));
            w.Write('\n');
            for (int i = 0; i < rowCount; i++)
            {
                // A signal during a long write stops it: the temporary file is deleted, the old file kept.
                if (i % RowsPerCheck == 0) ct.ThrowIfCancellationRequested();
                writeRow(i, w);
                w.Write('\n');
            }
        }, note);
    }

    /// <summary>A CSV whose rows <paramref name="writeRows"/> writes as they come (each ending in a newline), after the header.</summary>
    public static void WriteStreamed(OutputFiles outputs, string? path, IReadOnlyList<string> header, Action<TextWriter> writeRows)
    {
        outputs.Stage(path ?? OutputFiles.Stdout, stream =>
        {
            using var w = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            w.Write(string.Join(",", header.Select(Quote)));
            w.Write('\n');
            writeRows(w);
        });
    }

    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
