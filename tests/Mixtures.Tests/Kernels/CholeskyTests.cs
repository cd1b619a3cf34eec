using CsCheck;
using Mixtures.Internal.Kernels;
using Xunit;

namespace Mixtures.Tests.Kernels;

public class CholeskyTests
{
    [Fact]
    public void Factor_RankDeficientCovariance_IsNotPositiveDefinite()
    {
        // The scatter of D points in D dimensions about their mean has rank D - 1: singular, though
        // rounding often leaves a tiny positive last pivot. It must be refused, not factored.
        // (D = 2 and 3 with points in general position; for badly conditioned larger sets no
        // relative floor can tell rounding from signal.)
        Gen.Select(Gen.Int[2, 3], Gen.Int[0, 1_000_000]).Sample((d, seed) =>
        {
            var rng = new Random(seed);
            var points = new double[d, d];
            // A scaled simplex in random position: well conditioned within its span.
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) points[i, j] = (i == j ? 4 : 0) + rng.NextDouble() - 0.5;
            var cov = new double[d * d];
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                {
                    double ma = 0, mb = 0;
                    for (int i = 0; i < d; i++) { ma += points[i, a] / d; mb += points[i, b] / d; }
                    double s = 0;
                    for (int i = 0; i < d; i++) s += (points[i, a] - ma) * (points[i, b] - mb);
                    cov[a * d + b] = s / d;
                }
            Assert.False(Cholesky.Factor(cov, new double[d * d], d));
        }, iter: 300);
    }

    [Fact]
    public void PrecisionFactor_OfAWellConditionedMatrix_GivesTheInverse()
    {
        double[] a = [4, 2, 0.6, 2, 5, 1, 0.6, 1, 3];
        var u = new double[9];
        Assert.True(Cholesky.PrecisionFactor(a, u, 3));
        var precision = new double[9];
        Cholesky.PrecisionFromFactor(u, precision, 3);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double s = 0;
                for (int k = 0; k < 3; k++) s += a[i * 3 + k] * precision[k * 3 + j];
                Assert.Equal(i == j ? 1 : 0, s, 1e-12);
            }
        for (int i = 1; i < 3; i++)
            for (int j = 0; j < i; j++) Assert.Equal(0, u[i * 3 + j]);   // upper triangular
    }
}
