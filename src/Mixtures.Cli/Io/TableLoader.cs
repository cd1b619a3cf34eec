using Mixtures.Data;
using Mixtures.Files;

namespace Mixtures.Cli.Io;

/// <summary>Parquet and Arrow files (through Mixtures.Files): columns chosen by name, rows streamed or read into memory.</summary>
internal static class TableLoader
{
    /// <summary>
    /// The chosen columns as a row source over the file, and their names. With <paramref name="cacheDirectory"/>, a
    /// Parquet or Arrow file is decoded once into a temporary binary file there (for fits, which read every row each iteration).
    /// </summary>
    public static (IRowSource Rows, string[] Names) Open(string path, ColumnSelection selection, string? cacheDirectory = null)
    {
        var table = Guard(() => TableFile.Open(path));
        var names = table.ColumnNames;
        int w = selection.WeightsColumn is null ? -1 : DataSet.IndexOf(names, selection.WeightsColumn, path);
        int[] idx = selection.Columns is { } cols
            ? cols.Select(c => DataSet.IndexOf(names, c, path)).ToArray()
            : Enumerable.Range(0, names.Count).Where(j => j != w).ToArray();
        if (idx.Length == 0) throw CliException.InFile(path, null, null, "no feature columns to read.");
        if (w >= 0 && idx.Contains(w)) throw CliException.InFile(path, null, names[w], "is both a feature column and the --weights-column.");
        var rows = Guard(() => table is BlockedTable blocked && cacheDirectory is not null ? blocked.Select(idx, w, cacheDirectory) : table.Select(idx, w));
        return (new CheckedSource(rows, path), idx.Select(j => names[j]).ToArray());
    }

    /// <summary>Reads the chosen columns into memory; negative weights are refused naming the row, as for CSV.</summary>
    public static DataSet Load(string path, ColumnSelection selection, CancellationToken ct)
    {
        var (rows, names) = Open(path, selection);
        if ((double)rows.Rows * rows.Features > Array.MaxLength) throw CliException.InFile(path, null, null, "the table is too large to load; use --out-of-core.");
        int n = checked((int)rows.Rows), d = rows.Features;
        var x = new double[n, d];
        var weights = rows.Weighted ? new double[n] : null;
        var flat = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref x[0, 0], x.Length);
        using var reader = rows.OpenReader();
        for (int first = 0; first < n; first += 8192)
        {
            ct.ThrowIfCancellationRequested();
            int count = Math.Min(8192, n - first);
            var range = reader.Read(first, count);
            range.Values.CopyTo(flat.Slice(first * d, count * d));
            if (weights is not null) range.Weights.CopyTo(weights.AsSpan(first, count));
        }
        if (weights is not null)
        {
            int bad = Array.FindIndex(weights, v => v < 0);
            if (bad >= 0) throw CliException.InFile(path, bad + 1, selection.WeightsColumn, $"sample weight {CsvTableWriter.Format(weights[bad])} is negative.");
        }
        return new DataSet(x, names, weights, path);
    }

    /// <summary>A Mixtures.Files error as the CLI's one line: "FILE, row R, column 'C': what".</summary>
    public static CliException Translate(TableFormatException e) => CliException.InFile(e.Path, e.Row, e.Column, e.Message);

    private static T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (TableFormatException e)
        {
            throw Translate(e);
        }
    }

    /// <summary>Turns format errors met while a fit reads the file (a null in row 1e6) into the CLI's message.</summary>
    private sealed class CheckedSource(IRowSource inner, string path) : IRowSource
    {
        public long Rows => inner.Rows;
        public int Features => inner.Features;
        public bool Weighted => inner.Weighted;
        public IRowReader OpenReader() => new Reader(Guard(inner.OpenReader));

        private sealed class Reader(IRowReader inner) : IRowReader
        {
            public RowRange Read(long first, int count)
            {
                try
                {
                    return inner.Read(first, count);
                }
                catch (TableFormatException e)
                {
                    throw Translate(e);
                }
            }

            public void Dispose() => inner.Dispose();
        }

        public override string ToString() => path;
    }
}
