using System.Globalization;
using Mixtures.Serialization;

namespace Mixtures.Cli.Io;

/// <summary>Writes numeric tables as CSV (invariant culture, round-trip precision), atomically or to stdout.</summary>
internal static class CsvTableWriter
{
    /// <summary>Writes <paramref name="header"/> then one line per row produced by <paramref name="writeRow"/> (for <paramref name="rowCount"/> rows).</summary>
    public static void Write(string? path, IReadOnlyList<string> header, int rowCount, Action<int, TextWriter> writeRow)
    {
        void Emit(TextWriter w)
        {
            w.Write(string.Join(",", header.Select(Quote)));
            w.Write('\n');
            for (int i = 0; i < rowCount; i++)
            {
                writeRow(i, w);
                w.Write('\n');
            }
        }

        if (path is null)
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
            Emit(stdout);
        }
        else
        {
            AtomicFile.Write(path, stream =>
            {
                using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
                Emit(writer);
            });
        }
    }

    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
