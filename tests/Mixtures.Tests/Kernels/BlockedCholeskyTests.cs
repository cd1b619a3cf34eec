using Mixtures.Internal;
using Mixtures.Internal.Kernels;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Kernels;

/// <summary>
/// The blocked precision factor (Cholesky, triangular inverse) against naive loops at odd sizes, its
/// independence of the thread count, and cancellation between its block steps.
/// </summary>
public class BlockedCholeskyTests
{
    /// <summary>A random SPD matrix B B^T / d + I (well conditioned), row-major.</summary>
    static double[] Spd(int d, int seed)
    {
        var rng = new Random(seed);
        var b = new double[d * d];
        for (int i = 0; i < b.Length; i++) b[i] = Synthetic.Normal(rng);
        var a = new double[d * d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
            {
                double s = 0;
                for (int k = 0; k < d; k++) s += b[i * d + k] * b[j * d + k];
                a[i * d + j] = a[j * d + i] = s / d + (i == j ? 1 : 0);
            }
        return a;
    }

    /// <summary>U = L^-T by the textbook loops: Cholesky, then forward substitution for each column of L^-1.</summary>
    static double[] NaivePrecisionFactor(double[] a, int d)
    {
        var l = new double[d * d];
        for (int j = 0; j < d; j++)
        {
            double s = a[j * d + j];
            for (int k = 0; k < j; k++) s -= l[j * d + k] * l[j * d + k];
            l[j * d + j] = Math.Sqrt(s);
            for (int i = j + 1; i < d; i++)
            {
                double t = a[i * d + j];
                for (int k = 0; k < j; k++) t -= l[i * d + k] * l[j * d + k];
                l[i * d + j] = t / l[j * d + j];
            }
        }
        var u = new double[d * d];
        for (int c = 0; c < d; c++)
            for (int i = c; i < d; i++)
            {
                double s = i == c ? 1 : 0;
                for (int k = c; k < i; k++) s -= l[i * d + k] * u[c * d + k];
                u[c * d + i] = s / l[i * d + i];
            }
        return u;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(130)]
    [InlineData(257)]
    public void PrecisionFactor_MatchesNaiveLoops(int d)
    {
        var a = Spd(d, d);
        var u = new double[d * d];
        Assert.True(Cholesky.PrecisionFactor(a, u, d));
        var expected = NaivePrecisionFactor(a, d);
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < d * d; i++) Assert.True(Math.Abs(u[i] - expected[i]) <= 1e-12 * scale, $"entry {i}: {u[i]} vs {expected[i]}");
        for (int i = 1; i < d; i++)
            for (int j = 0; j < i; j++) Assert.Equal(0.0, u[i * d + j]);
    }

    [Avx512Fact]
    public void PrecisionFactor_UpToOneBlock_IsTheScalarCodeBitForBit()
    {
        // For D <= BlockSize the blocked code does the scalar loops' very operations: the same bits.
        int d = BlockedCholesky.BlockSize;
        var a = Spd(d, 5);
        var scalar = new double[d * d];
        var blocked = new double[d * d];
        Assert.True(Cholesky.PrecisionFactor(a, scalar, d));
        Assert.True(BlockedCholesky.PrecisionFactor(a, blocked, d));
        Assert.Equal(scalar, blocked);
    }

    [Fact]
    public void PrecisionFactor_D1000_InvertsTheCovariance()
    {
        // U^T A U = I checked on random vectors (O(D^2) each; the naive O(D^3) loops would cost seconds here).
        int d = 1000;
        var a = Spd(d, 11);
        var u = new double[d * d];
        Assert.True(Cholesky.PrecisionFactor(a, u, d));
        var rng = new Random(3);
        for (int trial = 0; trial < 3; trial++)
        {
            var v = new double[d];
            for (int i = 0; i < d; i++) v[i] = Synthetic.Normal(rng);
            var y = new double[d];   // U v
            for (int i = 0; i < d; i++) { double s = 0; for (int j = i; j < d; j++) s += u[i * d + j] * v[j]; y[i] = s; }
            var z = new double[d];   // A U v
            for (int i = 0; i < d; i++) { double s = 0; for (int j = 0; j < d; j++) s += a[i * d + j] * y[j]; z[i] = s; }
            for (int j = 0; j < d; j++)   // U^T A U v = v
            {
                double s = 0;
                for (int i = 0; i <= j; i++) s += u[i * d + j] * z[i];
                Assert.True(Math.Abs(s - v[j]) < 1e-9 * (1 + Math.Abs(v[j])), $"component {j}: {s} vs {v[j]}");
            }
        }
    }

    [Fact]
    public void PrecisionFactor_NotPositiveDefinite_IsRefused()
    {
        int d = 200;
        var a = Spd(d, 2);
        a[150 * d + 150] = -1;   // a negative variance deep in a later block
        Assert.False(Cholesky.PrecisionFactor(a, new double[d * d], d));
    }

    [Fact]
    public void PrecisionFactor_D300_IsBitIdenticalOnAnyThreadCount()
    {
        int d = 300;
        var a = Spd(d, 9);
        double[] Run(int threads)
        {
            using var scope = FitThreads.Enter(threads);
            var u = new double[d * d];
            Assert.True(Cholesky.PrecisionFactor(a, u, d));
            return u;
        }
        var one = Run(1);
        Assert.Equal(one, Run(2));
        Assert.Equal(one, Run(16));
    }

    [Avx512Fact]
    public void Cancellation_IsObservedAtTheNextBlockStep()
    {
        // D = 3000: 47 panel steps and 47 inverse steps. Cancel during the 3rd: the 4th must not start.
        int d = 3000;
        var a = new double[d * d];
        for (int i = 0; i < d; i++) a[i * d + i] = 1 + i % 7;
        using var cts = new CancellationTokenSource();
        int steps = 0;
        BlockedCholesky.BlockStepHook = () => { if (++steps == 3) cts.Cancel(); };
        try
        {
            using var scope = FitCancellation.Enter(cts.Token);
            Assert.ThrowsAny<OperationCanceledException>(() => Cholesky.PrecisionFactor(a, new double[d * d], d));
        }
        finally
        {
            BlockedCholesky.BlockStepHook = null;
        }
        Assert.Equal(3, steps);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(130)]
    public void PrecisionFromFactor_ByRows_IsTheScalarLoopBitForBit(int d)
    {
        var u = new double[d * d];
        Assert.True(Cholesky.PrecisionFactor(Spd(d, 4), u, d));
        var expected = new double[d * d];
        for (int i = 0; i < d; i++)   // the scalar loop
            for (int j = 0; j <= i; j++)
            {
                double s = 0;
                for (int k = Math.Max(i, j); k < d; k++) s += u[i * d + k] * u[j * d + k];
                expected[i * d + j] = expected[j * d + i] = s;
            }
        var p = new double[d * d];
        Cholesky.PrecisionFromFactor(u, p, d);
        Assert.Equal(expected, p);
    }
}
