using Mixtures.Internal;
using Mixtures.Internal.Gaussian;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Kernels;

/// <summary>The vectorized one-off passes of a fit against the scalar loops they replaced.</summary>
public class OneOffPassesTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(3, true)]
    [InlineData(7, false)]
    [InlineData(16, true)]
    [InlineData(19, false)]
    public void DataMoments_VectorizedOverColumns_EqualsScalarLoopsBitForBit(int d, bool weighted)
    {
        int n = 1003;
        var rng = new Random(d);
        var x = new double[n, d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) x[i, j] = 100 + 3 * Synthetic.Normal(rng);
        double[]? w = weighted ? Enumerable.Range(0, n).Select(i => i % 5 == 0 ? 0.0 : rng.NextDouble() * 2).ToArray() : null;
        double total = w?.Sum() ?? n;

        var (mean, variance, _) = DataMoments.Compute(new Mixtures.Data.ArrayRowSource(x, w), total, false);

        var m = new double[d];
        for (int i = 0; i < n; i++)
        {
            double wi = w?[i] ?? 1.0;
            for (int j = 0; j < d; j++) m[j] += wi * x[i, j];
        }
        for (int j = 0; j < d; j++) m[j] /= total;
        var v = new double[d];
        for (int i = 0; i < n; i++)
        {
            double wi = w?[i] ?? 1.0;
            if (wi == 0) continue;
            for (int j = 0; j < d; j++)
            {
                double c = x[i, j] - m[j];
                v[j] += wi * c * c;
            }
        }
        for (int j = 0; j < d; j++) v[j] /= total;
        Assert.Equal(m, mean);
        Assert.Equal(v, variance);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RequireData_NonFiniteAnywhere_NamesRowAndColumn(double bad)
    {
        foreach (int at in new[] { 0, 37, 16 * 17 - 1 })
        {
            var x = new double[17, 16];
            x[at / 16, at % 16] = bad;
            var e = Assert.Throws<ArgumentException>(() => InputValidation.RequireData(x));
            Assert.StartsWith($"Row {at / 16}, column {at % 16}:", e.Message);
        }
        InputValidation.RequireData(new double[17, 16]);
    }
}
