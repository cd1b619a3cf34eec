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
            var o = MatrixSpan.Flat(b);
            for (int i = 0; i < flat.Length; i++) o[i] = flat[i] >= t ? 1.0 : 0.0;
            return b;
        }
        for (int i = 0; i < flat.Length; i++)
        {
            double v = flat[i];
            if (v != 0.0 && v != 1.0)
                throw new ArgumentException(
                    $"Row {i / d}, column {i % d}: {v} is not 0 or 1; a Bernoulli mixture needs binary data. " +
                    "Binarize it first, or give a threshold (BinarizeThreshold, or --binarize in the CLI; values >= it become 1).", paramName);
        }
        return x;
    }
}
