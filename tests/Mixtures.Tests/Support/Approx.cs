using Xunit;

namespace Mixtures.Tests.Support;

/// <summary>
/// Element-wise comparison within a relative tolerance (plus a tiny absolute floor for exact zeros).
/// The expected value must be finite: a tolerance relative to an infinite expected value would accept
/// any finite result, so a non-finite expected value always fails (a reference that overflowed or is
/// NaN is a bug in the test, not a value to compare against).
/// </summary>
public static class Approx
{
    public static void Equal(double expected, double actual, double rtol, string what, double atol = 1e-12)
    {
        if (!double.IsFinite(expected))
            Assert.Fail($"{what}: the expected value {expected:R} is not finite (got {actual:R}); compare non-finite values exactly instead.");
        if (!(Math.Abs(expected - actual) <= rtol * Math.Abs(expected) + atol))
            Assert.Fail($"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(expected - actual) / Math.Abs(expected):G3}).");
    }

    /// <summary>Every entry of <paramref name="proba"/> [N, K] is in [0, 1] and every row sums to 1 within 1e-12.</summary>
    public static void Probabilities(double[,] proba)
    {
        for (int i = 0; i < proba.GetLength(0); i++)
        {
            double s = 0;
            for (int c = 0; c < proba.GetLength(1); c++)
            {
                Assert.InRange(proba[i, c], 0.0, 1.0);
                s += proba[i, c];
            }
            Assert.True(Math.Abs(s - 1) <= 1e-12, $"row {i} of the probabilities sums to {s:R}.");
        }
    }

    /// <summary>
    /// Arrays agree when every entry is within <paramref name="rtol"/> of its expected value, or within
    /// rtol of the array's largest magnitude (entries that are zero up to rounding, like off-diagonals).
    /// Every expected entry must be finite (as for the scalar overload).
    /// </summary>
    public static void Equal(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double rtol, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} values, got {actual.Length}.");
        double scale = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            if (!double.IsFinite(expected[i]))
                Assert.Fail($"{what}[{i}]: the expected value {expected[i]:R} is not finite (got {actual[i]:R}); compare non-finite values exactly instead.");
            scale = Math.Max(scale, Math.Abs(expected[i]));
        }
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (!(Math.Abs(e - a) <= rtol * Math.Abs(e) + rtol * 1e-3 * scale + 1e-300))
                Assert.Fail($"{what}[{i}]: expected {e:R}, got {a:R} (relative error {Math.Abs(e - a) / Math.Abs(e):G3}).");
        }
    }
}
