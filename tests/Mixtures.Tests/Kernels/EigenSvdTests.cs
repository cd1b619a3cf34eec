using Mixtures.Internal.Kernels;
using Xunit;

namespace Mixtures.Tests.Kernels;

/// <summary>The Jacobi eigensolver and SVD against naive reconstructions and orthogonality checks.</summary>
public class EigenSvdTests
{
    static double[] RandomMatrix(Random rng, int d)
    {
        var a = new double[d * d];
        for (int i = 0; i < a.Length; i++) a[i] = rng.NextDouble() * 2 - 1;
        return a;
    }

    static double[] Gram(double[] a, int d)
    {
        var g = new double[d * d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                for (int k = 0; k < d; k++) g[i * d + j] += a[k * d + i] * a[k * d + j];
        return g;
    }

    static void AssertOrthogonal(double[] q, int d)
    {
        var g = Gram(q, d);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) Assert.Equal(i == j ? 1.0 : 0.0, g[i * d + j], 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(17)]
    public void Eigen_ReconstructsSortedAndOrthogonal(int d)
    {
        var rng = new Random(d);
        var a = Gram(RandomMatrix(rng, d), d);
        var values = new double[d];
        var v = new double[d * d];
        SymmetricEigen.Decompose(a, d, values, v);
        AssertOrthogonal(v, d);
        for (int j = 1; j < d; j++) Assert.True(values[j - 1] >= values[j]);
        double scale = values[0];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                double s = 0;
                for (int k = 0; k < d; k++) s += v[i * d + k] * values[k] * v[j * d + k];
                Assert.Equal(a[i * d + j], s, 1e-12 * scale);
            }
    }

    [Fact]
    public void Eigen_OfDiagonalWithRepeats_IsExact()
    {
        double[] a = [2, 0, 0, 0, 5, 0, 0, 0, 2];
        var values = new double[3];
        var v = new double[9];
        SymmetricEigen.Decompose(a, 3, values, v);
        Assert.Equal([5.0, 2.0, 2.0], values);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Svd_ReconstructsSortedAndOrthogonal(int d)
    {
        var rng = new Random(10 + d);
        var a = RandomMatrix(rng, d);
        var u = new double[d * d];
        var s = new double[d];
        var v = new double[d * d];
        Svd.Decompose(a, d, u, s, v);
        AssertOrthogonal(u, d);
        AssertOrthogonal(v, d);
        for (int j = 1; j < d; j++) Assert.True(s[j - 1] >= s[j]);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                double r = 0;
                for (int k = 0; k < d; k++) r += u[i * d + k] * s[k] * v[j * d + k];
                Assert.Equal(a[i * d + j], r, 1e-12);
            }
    }

    [Fact]
    public void Svd_OfRankDeficientMatrix_StillGivesOrthogonalFactors()
    {
        double[] a = [1, 2, 3, 2, 4, 6, 0, 0, 0];   // rank 1
        var u = new double[9];
        var s = new double[3];
        var v = new double[9];
        Svd.Decompose(a, 3, u, s, v);
        AssertOrthogonal(u, 3);
        AssertOrthogonal(v, 3);
        Assert.Equal(Math.Sqrt(14 * 5), s[0], 1e-12);
        Assert.Equal(0, s[1], 1e-12);
    }
}
