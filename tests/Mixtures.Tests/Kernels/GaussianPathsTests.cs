using Mixtures.Internal;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Kernels;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Kernels;

/// <summary>
/// The AVX-512 evaluator and statistics agree with the portable loops, and fits are bit-identical
/// on one thread and on all threads.
/// </summary>
public class GaussianPathsTests
{
    static (GaussianParameters P, double[] X) Problem(CovarianceType type, int k, int d, int n, int seed, double shift)
    {
        var rng = new Random(seed);
        var x = new double[n * d];
        for (int i = 0; i < x.Length; i++) x[i] = shift + 3 * Synthetic.Normal(rng);
        var weights = new double[k];
        var means = new double[k * d];
        for (int c = 0; c < k; c++)
        {
            weights[c] = (c + 1.0) / (k * (k + 1) / 2.0);
            for (int j = 0; j < d; j++) means[c * d + j] = x[(c * 7 % n) * d + j];
        }
        var cov = new double[CovarianceModels.Get(type).Length(k, d)];
        int blocks = type switch { CovarianceType.Full => k, CovarianceType.Tied => 1, _ => 0 };
        for (int c = 0; c < blocks; c++)
            for (int i = 0; i < d; i++)
                for (int j = 0; j <= i; j++)
                {
                    double v = i == j ? 4 + c : 0.9 * Math.Sin(i + 2 * j + c) / d;   // diagonally dominant: positive definite
                    cov[c * d * d + i * d + j] = v;
                    cov[c * d * d + j * d + i] = v;
                }
        if (type == CovarianceType.Diag) for (int i = 0; i < cov.Length; i++) cov[i] = 1 + (i % 5);
        if (type == CovarianceType.Spherical) for (int i = 0; i < cov.Length; i++) cov[i] = 2 + i;
        var p = GaussianParameters.TryCreate(CovarianceModels.Get(type), k, d, weights, means, cov) ?? throw new InvalidOperationException("not PD");
        return (p, x);
    }

    public static TheoryData<CovarianceType, int, int> Shapes()
    {
        var data = new TheoryData<CovarianceType, int, int>();
        foreach (var t in Synthetic.AllTypes)
            foreach (var (k, d) in new[] { (1, 1), (4, 2), (3, 9), (16, 16), (9, 17), (5, 64), (2, 257) })
                data.Add(t, k, d);
        return data;
    }

    [Avx512Theory]
    [MemberData(nameof(Shapes))]
    public void BlockedPath_MatchesPortable(CovarianceType type, int k, int d)
    {
        int n = 150;
        var (p, x) = Problem(type, k, d, n, 100 * k + d, 1e8);
        var fast = new GaussianEvaluator(p, blocked: true);
        var slow = new GaussianEvaluator(p, blocked: false);
        var fs = new GaussianStatistics(CovarianceModels.Get(type).Moments, k, d, blocked: true);
        var ss = new GaussianStatistics(CovarianceModels.Get(type).Moments, k, d, blocked: false);
        fs.Begin(p); ss.Begin(p);
        var fOut = new double[ChunkPlan.BlockRows * k];
        var sOut = new double[ChunkPlan.BlockRows * k];
        var fScratch = new double[Math.Max(fast.ScratchLength(ChunkPlan.BlockRows), fs.ScratchLength(ChunkPlan.BlockRows))];
        var sScratch = new double[Math.Max(slow.ScratchLength(ChunkPlan.BlockRows), ss.ScratchLength(ChunkPlan.BlockRows))];
        var lse = new double[ChunkPlan.BlockRows];
        for (int b = 0; b < n; b += ChunkPlan.BlockRows)
        {
            int m = Math.Min(ChunkPlan.BlockRows, n - b);
            var rows = x.AsSpan(b * d, m * d);
            fast.WeightedLogProb(rows, m, fOut, fScratch);
            slow.WeightedLogProb(rows, m, sOut, sScratch);
            Approx.Equal(sOut.AsSpan(0, m * k), fOut.AsSpan(0, m * k), 1e-11, $"log prob, block {b}");
            LogSumExp.NormalizeRows(sOut, m, k, lse);
            if (b == 0 && k > 1) for (int r = 0; r < m; r++) sOut[r * k + k - 1] = 0;   // a component with no weight in a block
            fs.Accumulate(rows, m, sOut.AsSpan(0, m * k), fScratch);
            ss.Accumulate(rows, m, sOut.AsSpan(0, m * k), sScratch);
        }
        Approx.Equal(ss.R, fs.R, 1e-12, "R");
        Approx.Equal(ss.A, fs.A, 1e-10, "A");
        Approx.Equal(ss.Q, fs.Q, 1e-10, "Q");
    }

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Tied)]
    [InlineData(CovarianceType.Diag)]
    [InlineData(CovarianceType.Spherical)]
    public void Fit_OneThreadAndAllThreads_BitIdentical(CovarianceType type)
    {
        var x = Synthetic.Blobs(9000, 11, 5, seed: 8);    // several chunks of ChunkPlan
        Assert.True(new ChunkPlan(x.GetLength(0)).Count >= 4);
        GaussianMixtureModel Fit(int? threads) => new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 5, CovarianceType = type, MaxIterations = 15, Tolerance = 0, Seed = 3, MaxDegreeOfParallelism = threads,
        }).Fit(x);
        var one = Fit(1);
        foreach (int? threads in new int?[] { null, 3, 7 })
        {
            var many = Fit(threads);
            Assert.Equal(one.LowerBoundHistory, many.LowerBoundHistory);
            Assert.Equal(one.Weights, many.Weights);
            Assert.Equal(MatrixSpan.ToFlat(one.Means), MatrixSpan.ToFlat(many.Means));
            Assert.Equal(one.CovariancesRaw, many.CovariancesRaw);
            Assert.Equal(one.Predict(x), many.Predict(x));
        }
    }

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Tied)]
    public void Fit_WideD300_BitIdenticalOn1_2_16Threads(CovarianceType type)
    {
        // D = 300: the wide-D loop orders, the blocked precision factor (five 64-column panels) and the parallel
        // factorizations of the components; 2500 rows make two chunks.
        var x = Synthetic.Blobs(2500, 300, 2, seed: 30);
        GaussianMixtureModel Fit(int threads) => new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 2, CovarianceType = type, MaxIterations = 3, Tolerance = 0, Seed = 1, MaxDegreeOfParallelism = threads,
        }).Fit(x);
        var one = Fit(1);
        foreach (int threads in new[] { 2, 16 })
        {
            var many = Fit(threads);
            Assert.Equal(one.LowerBoundHistory, many.LowerBoundHistory);
            Assert.Equal(MatrixSpan.ToFlat(one.Means), MatrixSpan.ToFlat(many.Means));
            Assert.Equal(one.CovariancesRaw, many.CovariancesRaw);
            Assert.Equal(one.PrecisionsCholeskyRaw, many.PrecisionsCholeskyRaw);
        }
    }

    [Fact]
    public void Fit_AllSixteenChunks_PooledStateMergedInOrder_BitIdenticalOnAnyThreadCount()
    {
        var x = Synthetic.Blobs(40000, 6, 4, seed: 21);
        Assert.Equal(16, new ChunkPlan(x.GetLength(0)).Count);
        GaussianMixtureModel Fit(int? threads) => new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 4, CovarianceType = CovarianceType.Full, MaxIterations = 8, Tolerance = 0, Seed = 5, MaxDegreeOfParallelism = threads,
        }).Fit(x);
        var one = Fit(1);
        foreach (int? threads in new int?[] { 2, 16, null })
        {
            var many = Fit(threads);
            Assert.Equal(one.LowerBoundHistory, many.LowerBoundHistory);
            Assert.Equal(one.CovariancesRaw, many.CovariancesRaw);
            Assert.Equal(one.TrainingScore, many.TrainingScore);
        }
    }
}
