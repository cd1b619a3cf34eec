using System.Globalization;
using Mixtures.Cli.Io;
using Mixtures.Data;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// The data <c>mixtures plot</c> draws: at most <see cref="MaxRows"/> rows. A larger file is drawn through a
/// fixed random subsample (the same rows on every run, whether the file is streamed or read into memory);
/// a file that would take more than <see cref="StreamAboveBytes"/> in memory is streamed through the
/// row sources of Mixtures.Files, so memory stays bounded by the subsample whatever the file's size.
/// </summary>
internal static class PlotData
{
    /// <summary>More points than this only blacken the picture: a larger file is drawn through a subsample of this size.</summary>
    public const int MaxRows = 20_000;

    /// <summary>Files whose rows would take more than this in memory are streamed, never loaded whole.</summary>
    public const long StreamAboveBytes = 256L << 20;

    /// <summary>Rows read from a streamed source at a time (what the row sources serve).</summary>
    private const int Chunk = 8192;

    /// <summary>The data to draw, the file's row count and, when subsampled, the one line that says so.</summary>
    public sealed record Drawn(DataSet Data, long TotalRows)
    {
        public bool Subsampled => Data.Rows < TotalRows;

        /// <summary>"a fixed random 20000 of 1000000 rows drawn", or null when every row is drawn.</summary>
        public string? Note => Subsampled
            ? string.Create(CultureInfo.InvariantCulture, $"a fixed random {Data.Rows} of {TotalRows} rows drawn")
            : null;
    }

    /// <summary>Loads the model's columns of <paramref name="path"/> for drawing (see the class).</summary>
    public static Drawn Load(IMixtureModel model, string path, IReadOnlyList<string>? columns, CancellationToken ct, int maxRows = MaxRows)
    {
        bool stream = DataLoader.InMemoryBytes(path, new ColumnSelection(columns)) > StreamAboveBytes;
        var ds = DataLoader.LoadFor(model, path, columns, ct, stream, Path.GetTempPath());
        try
        {
            long n = ds.Streamed?.Rows ?? ds.Rows;
            if (n <= maxRows && ds.InMemory) return new Drawn(ds, n);
            var x = Subsample(ds.RowSource, maxRows, ct);
            return new Drawn(new DataSet(x, ds.FeatureNames, null, ds.Source), n);
        }
        finally
        {
            (ds.Streamed as IDisposable)?.Dispose();   // a CSV's temporary binary copy
        }
    }

    /// <summary>
    /// Rows chosen by <see cref="Choose"/>, read in one pass in file order: memory is the subsample only.
    /// </summary>
    public static double[,] Subsample(IRowSource source, int maxRows, CancellationToken ct)
    {
        long n = source.Rows;
        int d = source.Features;
        var chosen = Choose(n, maxRows);
        var x = new double[chosen.Length, d];
        using var reader = source.OpenReader();
        int next = 0;
        for (long first = 0; first < n && next < chosen.Length; first += Chunk)
        {
            ct.ThrowIfCancellationRequested();
            int count = (int)Math.Min(Chunk, n - first);
            if (chosen[next] >= first + count) continue;
            var values = reader.Read(first, count).Values;
            while (next < chosen.Length && chosen[next] < first + count)
            {
                var row = values.Slice((int)(chosen[next] - first) * d, d);
                for (int j = 0; j < d; j++) x[next, j] = row[j];
                next++;
            }
        }
        return x;
    }

    /// <summary>
    /// <paramref name="k"/> of the row indices 0..n-1, each equally likely, sorted; fixed by n and k alone
    /// (Floyd's algorithm with seed 0), so a file is drawn through the same rows on every run.
    /// </summary>
    public static long[] Choose(long n, int k)
    {
        if (n <= k) return [.. Enumerable.Range(0, (int)n).Select(i => (long)i)];
        var random = new Random(0);
        var set = new HashSet<long>(k);
        for (long j = n - k; j < n; j++)
        {
            long t = random.NextInt64(j + 1);
            set.Add(set.Contains(t) ? j : t);
        }
        var chosen = set.ToArray();
        Array.Sort(chosen);
        return chosen;
    }
}
