namespace Mixtures.Internal.Poisson;

/// <summary>Checks that data holds non-negative integer counts.</summary>
internal static class CountData
{
    public static void Require(double[,] x, string paramName = "x")
    {
        InputValidation.RequireData(x, paramName);
        var flat = MatrixSpan.Flat(x);
        int d = x.GetLength(1);
        for (int i = 0; i < flat.Length; i++)
        {
            double v = flat[i];
            if (v < 0)
                throw new ArgumentException(
                    $"Row {i / d}, column {i % d}: {v} is negative; a Poisson mixture needs non-negative integer counts.", paramName);
            if (v != Math.Floor(v))
                throw new ArgumentException(
                    $"Row {i / d}, column {i % d}: {v} is not an integer; a Poisson mixture needs non-negative integer counts (round or bin the data first).", paramName);
        }
    }
}
