using Mixtures.Data;
using Mixtures.Internal.Data;

namespace Mixtures.Internal.Poisson;

/// <summary>Checks that data holds non-negative integer counts.</summary>
internal static class CountData
{
    public static void Require(double[,] x, string paramName = "x")
    {
        InputValidation.RequireData(x, paramName);
        RequireCounts(MatrixSpan.Flat(x), 0, x.GetLength(1), paramName);
    }

    /// <summary>The same for any source, in one streaming pass.</summary>
    public static void Require(IRowSource source, string paramName = "x")
    {
        if (source is ArrayRowSource a)
        {
            Require(a.Array, paramName);
            return;
        }
        SourceChecks.RequireData(source, paramName);
        int d = source.Features;
        RowScan.InOrder(source, (first, _, range) => RequireCounts(range.Values, first, d, paramName));
    }

    static void RequireCounts(ReadOnlySpan<double> flat, long firstRow, int d, string paramName)
    {
        for (int i = 0; i < flat.Length; i++)
        {
            double v = flat[i];
            if (v < 0)
                throw new ArgumentException(
                    $"Row {firstRow + i / d}, column {i % d}: {v} is negative; a Poisson mixture needs non-negative integer counts.", paramName);
            if (v != Math.Floor(v))
                throw new ArgumentException(
                    $"Row {firstRow + i / d}, column {i % d}: {v} is not an integer; a Poisson mixture needs non-negative integer counts (round or bin the data first).", paramName);
        }
    }
}
