using Mixtures.Internal.Kernels;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Kernels;

public class LogSumExpTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(19)]
    public void NormalizeRows_MatchesNaive(int k)
    {
        var rng = new Random(k);
        int rows = 37;
        var v = new double[rows * k];
        for (int i = 0; i < v.Length; i++) v[i] = rng.NextDouble() * (i % 3 == 0 ? -2000 : -20) + 5;
        for (int j = 0; j < k; j++) v[3 * k + j] = double.NegativeInfinity;                 // a row with no support
        v[5 * k] = double.NegativeInfinity;                                                  // one empty component
        for (int j = 0; j < k; j++) v[7 * k + j] = -1e5 - j;                                 // far from every component
        var expected = (double[])v.Clone();
        var lse = new double[rows];
        LogSumExp.NormalizeRows(v, rows, k, lse);
        for (int r = 0; r < rows; r++)
        {
            var row = expected.AsSpan(r * k, k);
            double max = double.NegativeInfinity;
            foreach (double t in row) max = Math.Max(max, t);
            if (double.IsNegativeInfinity(max))
            {
                Assert.True(double.IsNegativeInfinity(lse[r]));
                for (int j = 0; j < k; j++) Assert.Equal(1.0 / k, v[r * k + j]);
                continue;
            }
            double s = 0;
            foreach (double t in row) s += Math.Exp(t - max);
            double e = max + Math.Log(s);
            Approx.Equal(e, lse[r], 1e-14, $"lse[{r}]");
            double total = 0;
            for (int j = 0; j < k; j++)
            {
                double p = Math.Exp(row[j] - e);
                // exp turns the rounding of its argument into relative error: allow a few ulps of |v - lse|
                double tol = double.IsFinite(row[j]) ? 8e-16 * (Math.Abs(row[j]) + Math.Abs(e) + 1) : 0;   // the naive reference rounds v - lse
                Assert.True(Math.Abs(p - v[r * k + j]) <= tol * p + 1e-300, $"resp[{r},{j}]: {p:R} vs {v[r * k + j]:R}");
                total += v[r * k + j];
            }
            Approx.Equal(1.0, total, 1e-14, $"row {r} sum");
        }
    }

    [Fact]
    public void Normalize_SingleRow_AgreesWithBlock()
    {
        var v = new double[] { -3, -1000, 2, -7.5, double.NegativeInfinity };
        var w = (double[])v.Clone();
        double lse = LogSumExp.Normalize(v);
        var l = new double[1];
        LogSumExp.NormalizeRows(w, 1, w.Length, l);
        Assert.Equal(l[0], lse);
        Assert.Equal(w, v);
    }

    /// <summary>Arguments of exp: the edges of its range [-708, 0] and 20000 values crowded towards 0.</summary>
    static List<double> ExpArguments()
    {
        var rng = new Random(5);
        var xs = new List<double> { 0, -1e-300, -0.5 * Math.Log(2), -Math.Log(2), -1, -707.999, -708 };
        for (int i = 0; i < 20000; i++) xs.Add(-708 * Math.Pow(rng.NextDouble(), 3));
        return xs;
    }

    /// <summary>Arguments of ln: 1, its neighbours and the reduction's edges at sqrt 2, then 20000 values up to e^700.</summary>
    static List<double> LogArguments()
    {
        var rng = new Random(6);
        var xs = new List<double> { 1, Math.BitIncrement(1.0), Math.Sqrt(2), Math.BitDecrement(Math.Sqrt(2)), Math.BitIncrement(Math.Sqrt(2)), 2, 3, 16, 1e300 };
        for (int i = 0; i < 20000; i++) xs.Add(Math.Exp(rng.NextDouble() * (i % 10 == 0 ? 700 : 5)));
        return xs;
    }

    [Fact]
    public void Exp_OnNonPositiveRange_Accurate()
    {
        foreach (double x in ExpArguments())
        {
            double e = LogSumExp.ExpNonPositive(x), want = Math.Exp(x);
            Assert.True(Math.Abs(e - want) <= 1e-15 * want, $"exp({x:R}) = {e:R}, want {want:R}");
        }
    }

    /// <summary>The 512-bit lanes (used where Vector512 is accelerated) give the scalar exp bit for bit.</summary>
    [Avx512Fact]
    public void Exp512_LanesEqualScalar()
    {
        var xs = ExpArguments();
        for (int i = 0; i + 8 <= xs.Count; i += 8)
        {
            var v = LogSumExp.Exp512(System.Runtime.Intrinsics.Vector512.Create(xs.GetRange(i, 8).ToArray()));
            for (int j = 0; j < 8; j++) Assert.Equal(LogSumExp.ExpNonPositive(xs[i + j]), v[j]);
        }
    }

    [Fact]
    public void Log_AtLeastOne_Accurate()
    {
        foreach (double x in LogArguments())
        {
            double l = LogSumExp.LogAtLeastOne(x), want = Math.Log(x);
            Assert.True(Math.Abs(l - want) <= 4e-16 * Math.Max(want, 1e-3) + 1e-300 || Math.Abs(l - want) <= 2.3e-16 * 4 * Math.Abs(want) || (x == 1 && l == 0),
                $"ln({x:R}) = {l:R}, want {want:R}");
        }
    }

    /// <summary>The 512-bit lanes (used where Vector512 is accelerated) give the scalar ln bit for bit.</summary>
    [Avx512Fact]
    public void Log512_LanesEqualScalar()
    {
        var xs = LogArguments();
        for (int i = 0; i + 8 <= xs.Count; i += 8)
        {
            var v = LogSumExp.Log512(System.Runtime.Intrinsics.Vector512.Create(xs.GetRange(i, 8).ToArray()));
            for (int j = 0; j < 8; j++) Assert.Equal(LogSumExp.LogAtLeastOne(xs[i + j]), v[j]);
        }
    }
}
