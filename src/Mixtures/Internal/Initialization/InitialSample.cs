using Mixtures.Data;

namespace Mixtures.Internal.Initialization;

/// <summary>
/// The rows k-means, k-means++ and random_from_data initialize from: all rows when there are at most
/// <see cref="MaxRows"/>, otherwise <see cref="MaxRows"/> evenly spaced rows. The choice depends on N only
/// (no random draw), so a file streamed from disk and the same data in memory start from the same
/// parameters, and the memory an initialization needs is bounded whatever N is.
/// </summary>
internal sealed class InitialSample
{
    /// <summary>Rows kept at most: 2^17 (16 MiB at D = 16), far more than k-means needs to place K centres.</summary>
    public const int MaxRows = 1 << 17;

    InitialSample(double[,] x, double[]? w, long rows)
    {
        X = x;
        Weights = w;
        _sourceRows = rows;
    }

    readonly long _sourceRows;

    /// <summary>The sampled rows [S, D].</summary>
    public double[,] X { get; }

    /// <summary>Their weights, or null.</summary>
    public double[]? Weights { get; }

    /// <summary>The source row of sampled row <paramref name="i"/>.</summary>
    public long SourceRow(int i) => X.GetLength(0) == _sourceRows ? i : (long)((Int128)i * _sourceRows / X.GetLength(0));

    public static InitialSample Read(IRowSource source)
    {
        if (source is ArrayRowSource a && a.Rows <= MaxRows) return new InitialSample(a.Array, a.SampleWeight, a.Rows);
        long n = source.Rows;
        int s = (int)Math.Min(n, MaxRows), d = source.Features;
        var x = new double[s, d];
        var w = source.Weighted ? new double[s] : null;
        var flat = MatrixSpan.Flat(x);
        var sample = new InitialSample(x, w, n);
        using var reader = source.OpenReader();
        if (s == n)
        {
            for (long first = 0; first < n; first += ChunkPlan.SlabRows)
            {
                int count = (int)Math.Min(ChunkPlan.SlabRows, n - first);
                var range = reader.Read(first, count);
                range.Values.CopyTo(flat.Slice((int)first * d));
                if (w is not null) range.Weights.CopyTo(w.AsSpan((int)first));
            }
            return sample;
        }
        for (int i = 0; i < s; i++)
        {
            var range = reader.Read(sample.SourceRow(i), 1);
            range.Values.CopyTo(flat.Slice(i * d, d));
            if (w is not null) w[i] = range.Weights[0];
        }
        return sample;
    }
}
