using Mixtures.Data;

namespace Mixtures.Internal.Data;

/// <summary>
/// The checks of <see cref="InputValidation"/> for any row source, one streaming pass each, with the same
/// messages (row and column numbers are 0-based positions in the source).
/// </summary>
internal static class SourceChecks
{
    /// <summary>Rows and features exist and every value is finite.</summary>
    public static void RequireData(IRowSource source, string paramName = "x")
    {
        ArgumentNullException.ThrowIfNull(source, paramName);
        if (source is ArrayRowSource a)
        {
            InputValidation.RequireData(a.Array, paramName);
            return;
        }
        if (source.Features <= 0) throw new ArgumentException("The data has no features (zero columns).", paramName);
        if (source.Rows <= 0) throw new ArgumentException("The data has no samples (zero rows).", paramName);
        int d = source.Features;
        RowScan.InOrder(source, (first, _, range) =>
        {
            if (InputValidation.FirstNonFinite(range.Values) is int i and >= 0)
                throw new ArgumentException(
                    $"Row {first + i / d}, column {i % d}: {range.Values[i]} is not a finite number; remove or impute it.", paramName);
        });
    }

    /// <summary>Validates the source's weights and returns their sum (N when it has none).</summary>
    public static double RequireWeights(IRowSource source, string paramName = "sampleWeight")
    {
        if (source is ArrayRowSource a) return InputValidation.RequireWeights(a.SampleWeight, a.Array.GetLength(0), paramName);
        if (!source.Weighted) return source.Rows;
        double sum = 0;
        RowScan.InOrder(source, (first, n, range) =>
        {
            for (int i = 0; i < n; i++)
            {
                double w = range.Weights[i];
                if (!double.IsFinite(w) || w < 0)
                    throw new ArgumentException($"sampleWeight[{first + i}] = {w}: weights must be finite and non-negative.", paramName);
                sum += w;
            }
        });
        if (!(sum > 0))
            throw new ArgumentException("sampleWeight sums to zero: at least one sample needs a positive weight.", paramName);
        return sum;
    }

    /// <summary>K components need at least K rows and K distinct points (with positive weight).</summary>
    public static void RequireEnoughPoints(IRowSource source, int k, string paramName = "x")
    {
        if (source is ArrayRowSource a)
        {
            InputValidation.RequireEnoughPoints(a.Array, a.SampleWeight, k, paramName);
            return;
        }
        long n = source.Rows;
        if (n < k)
            throw new ArgumentException($"The data has {n} samples but {k} components were asked for; use at most {n} components.", paramName);
        int d = source.Features;
        var seen = new HashSet<double[]>(new RowComparer());
        using var reader = source.OpenReader();
        for (long first = 0; first < n && seen.Count < k; first += ChunkPlan.SlabRows)
        {
            int count = (int)Math.Min(ChunkPlan.SlabRows, n - first);
            var range = reader.Read(first, count);
            for (int i = 0; i < count && seen.Count < k; i++)
                if (range.Weight(i) > 0) seen.Add(range.Values.Slice(i * d, d).ToArray());
        }
        if (seen.Count < k)
            throw new ArgumentException($"The data has only {seen.Count} distinct points (with positive weight) but {k} components were asked for; use at most {seen.Count} components.", paramName);
    }

    sealed class RowComparer : IEqualityComparer<double[]>
    {
        public bool Equals(double[]? x, double[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(double[] row)
        {
            var h = new HashCode();
            foreach (double v in row) h.Add(v);
            return h.ToHashCode();
        }
    }
}
