using Mixtures.Data;
using Mixtures.Internal.Data;

namespace Mixtures.Internal.Bernoulli;

/// <summary>Checks that data is binary (0/1), or binarizes it at a threshold.</summary>
internal static class BinaryData
{
    /// <summary>
    /// Returns <paramref name="x"/> itself when every value is 0 or 1 and no threshold is given, or a
    /// 0/1 copy with 1 where x &gt;= <paramref name="threshold"/>. Throws naming row, column and value otherwise.
    /// </summary>
    public static double[,] Prepare(double[,] x, double? threshold, string paramName = "x")
    {
        InputValidation.RequireData(x, paramName);
        var flat = MatrixSpan.Flat(x);
        int d = x.GetLength(1);
        if (threshold is { } t)
        {
            var b = new double[x.GetLength(0), d];
            Binarize(flat, t, MatrixSpan.Flat(b));
            return b;
        }
        RequireBinary(flat, 0, d, paramName);
        return x;
    }

    /// <summary>
    /// The same for any source: an in-memory one is binarized once into a new array; a streamed one is
    /// binarized as it is read, range by range, so nothing of size N is held.
    /// </summary>
    public static IRowSource Prepare(IRowSource source, double? threshold, string paramName = "x")
    {
        if (source is ArrayRowSource a) return new ArrayRowSource(Prepare(a.Array, threshold, paramName), a.SampleWeight);
        SourceChecks.RequireData(source, paramName);
        if (threshold is { } t) return new BinarizedSource(source, t);
        int d = source.Features;
        RowScan.InOrder(source, (first, _, range) => RequireBinary(range.Values, first, d, paramName));
        return source;
    }

    static void Binarize(ReadOnlySpan<double> values, double threshold, Span<double> output)
    {
        for (int i = 0; i < values.Length; i++) output[i] = values[i] >= threshold ? 1.0 : 0.0;
    }

    static void RequireBinary(ReadOnlySpan<double> flat, long firstRow, int d, string paramName)
    {
        for (int i = 0; i < flat.Length; i++)
        {
            double v = flat[i];
            if (v != 0.0 && v != 1.0)
                throw new ArgumentException(
                    $"Row {firstRow + i / d}, column {i % d}: {v} is not 0 or 1; a Bernoulli mixture needs binary data. " +
                    "Binarize it first, or give a threshold (BinarizeThreshold: values >= it become 1).", paramName);
        }
    }

    /// <summary>A streamed source binarized range by range into each reader's own buffer.</summary>
    sealed class BinarizedSource(IRowSource inner, double threshold) : IRowSource
    {
        public long Rows => inner.Rows;
        public int Features => inner.Features;
        public bool Weighted => inner.Weighted;
        public IRowReader OpenReader() => new Reader(inner.OpenReader(), threshold);

        sealed class Reader(IRowReader inner, double threshold) : IRowReader
        {
            double[] _buffer = [];

            public RowRange Read(long first, int count)
            {
                var range = inner.Read(first, count);
                if (_buffer.Length < range.Values.Length) _buffer = new double[range.Values.Length];
                var output = _buffer.AsSpan(0, range.Values.Length);
                Binarize(range.Values, threshold, output);
                return new RowRange(output, range.Weights);
            }

            public void Dispose() => inner.Dispose();
        }
    }
}
