using CsCheck;
using Mixtures.Internal;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Gaussian;

/// <summary>Invariants of EM that must hold on any data (CsCheck generates and shrinks the cases).</summary>
public class GaussianMixturePropertyTests
{
    static readonly Gen<CovarianceType> Types = Gen.Int[0, 3].Select(i => (CovarianceType)i);

    /// <summary>Random data: N in [k+2, 80], D in [1, 4], clustered around a few centres.</summary>
    static readonly Gen<(double[,] X, int K, CovarianceType Type)> Problems =
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 4], Gen.Int[0, 1_000_000], Types).Select((k, d, seed, type) =>
        {
            var rng = new Random(seed);
            int n = rng.Next(k + 8, 80);
            var x = new double[n, d];
            var centres = new double[k, d];
            for (int c = 0; c < k; c++)
                for (int j = 0; j < d; j++) centres[c, j] = rng.NextDouble() * 40 - 20;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < d; j++) x[i, j] = centres[i % k, j] + Synthetic.Normal(rng) * (0.5 + rng.NextDouble());
            return (x, k, type);
        });

    [Fact]
    public void PredictProba_RowsSumToOne()
    {
        Problems.Sample(p =>
        {
            var model = new GaussianMixture(new GaussianMixtureOptions { Components = p.K, CovarianceType = p.Type, MaxIterations = 10, Seed = 1 }).Fit(p.X);
            Approx.Probabilities(model.PredictProba(p.X));
        }, iter: 60);
    }

    [Fact]
    public void LowerBound_NeverDecreases_WithoutReseeds()
    {
        Problems.Sample(p =>
        {
            // reg_covar = 0: the M-step is then the exact maximizer and EM's ascent is a theorem; with
            // reg_covar > 0 a nearly singular component can lose a little likelihood (scikit-learn too).
            GaussianMixtureModel model;
            try
            {
                model = new GaussianMixture(new GaussianMixtureOptions
                {
                    Components = p.K, CovarianceType = p.Type, MaxIterations = 40, Tolerance = 0, Seed = 3, Init = InitMethod.Random, RegCovar = 0,
                }).Fit(p.X);
            }
            catch (DegenerateFitException)
            {
                return;   // a singular component without regularization: nothing to check
            }
            if (model.Reseeds > 0) return;
            // A component collapsing onto D points or fewer has an unbounded likelihood without reg_covar; small
            // components are no longer re-seeded (scikit-learn lets them go on), and near that limit the
            // covariance is singular up to rounding, so the ascent is checked while every component keeps more.
            int n = p.X.GetLength(0), d = p.X.GetLength(1);
            if (model.Weights.Min() * n < d + 1) return;
            var h = model.LowerBoundHistory;
            for (int i = 1; i < h.Length; i++)
                Assert.True(h[i] >= h[i - 1] - 1e-9 * (1 + Math.Abs(h[i - 1])), $"lower bound fell at iteration {i + 1}: {h[i - 1]:R} -> {h[i]:R}");
        }, iter: 300);
    }

    [Fact]
    public void Fit_OfSampledKnownMixture_RecoversIt()
    {
        Gen.Select(Gen.Int[0, 1_000_000], Types).Sample((seed, type) =>
        {
            var rng = new Random(seed);
            double[] weights = [0.5, 0.3, 0.2];
            var means = new double[3, 2];
            for (int c = 0; c < 3; c++)
            {
                means[c, 0] = 12 * c + rng.NextDouble();
                means[c, 1] = -8 * c + rng.NextDouble();
            }
            var cov = new double[3, 2, 2];
            for (int c = 0; c < 3; c++)
            {
                cov[c, 0, 0] = 1 + rng.NextDouble();
                cov[c, 1, 1] = 1 + rng.NextDouble();
                cov[c, 0, 1] = cov[c, 1, 0] = type == CovarianceType.Full ? 0.5 * rng.NextDouble() : 0;
                if (type == CovarianceType.Spherical) cov[c, 1, 1] = cov[c, 0, 0];
                if (type == CovarianceType.Tied && c > 0)
                    for (int a = 0; a < 2; a++) for (int b = 0; b < 2; b++) cov[c, a, b] = cov[0, a, b];
            }
            var truth = GaussianMixtureModel.FromParameters(type, weights, means, cov);
            var sample = truth.Sample(6000, seed);
            var fit = new GaussianMixture(new GaussianMixtureOptions { Components = 3, CovarianceType = type, NInit = 2, Seed = seed }).Fit(sample.Points);
            var order = Enumerable.Range(0, 3).OrderByDescending(c => fit.Weights[c]).ToArray();
            var fm = fit.Means;
            var fc = fit.Covariances;
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(weights[c], fit.Weights[order[c]], 0.03);
                for (int j = 0; j < 2; j++)
                {
                    Assert.Equal(means[c, j], fm[order[c], j], 0.15);
                    Assert.Equal(cov[c, j, j], fc[order[c], j, j], 0.35);
                }
            }
        }, iter: 8);
    }

    [Fact]
    public void Fit_WithUnitWeights_EqualsUnweighted()
    {
        Problems.Sample(p =>
        {
            var options = new GaussianMixtureOptions { Components = p.K, CovarianceType = p.Type, MaxIterations = 20, Seed = 5 };
            var a = new GaussianMixture(options).Fit(p.X);
            var ones = Enumerable.Repeat(1.0, p.X.GetLength(0)).ToArray();
            var b = new GaussianMixture(options).Fit(p.X, ones);
            Assert.Equal(a.Weights, b.Weights);
            Assert.Equal(a.CovariancesRaw, b.CovariancesRaw);
            Assert.Equal(MatrixSpan.Flat(a.Means).ToArray(), MatrixSpan.Flat(b.Means).ToArray());
            Assert.Equal(a.LowerBoundHistory, b.LowerBoundHistory);
        }, iter: 30);
    }

    [Fact]
    public void Fit_WithIntegerWeights_EqualsRepeatedRows()
    {
        Gen.Select(Problems, Gen.Int[0, 1_000_000]).Sample((p, seed) =>
        {
            var rng = new Random(seed);
            int n = p.X.GetLength(0), d = p.X.GetLength(1);
            var w = new double[n];
            var rows = new List<int>();
            for (int i = 0; i < n; i++)
            {
                w[i] = rng.Next(1, 4);
                for (int r = 0; r < w[i]; r++) rows.Add(i);
            }
            var repeated = new double[rows.Count, d];
            for (int i = 0; i < rows.Count; i++)
                for (int j = 0; j < d; j++) repeated[i, j] = p.X[rows[i], j];
            // Same explicit start for both, so only the weighting differs.
            var start = new GaussianMixture(new GaussianMixtureOptions { Components = p.K, CovarianceType = p.Type, MaxIterations = 2, Seed = 9 }).Fit(p.X);
            // Re-seeding counts a component's size in rows of average weight, which weighting and
            // repeating measure differently; with scikit-learn's handling (no re-seeds) they agree.
            var options = InitFrom(start) with { MaxIterations = 15, Tolerance = 0, Degenerate = DegenerateHandling.Throw };
            var a = new GaussianMixture(options).Fit(p.X, w);
            var b = new GaussianMixture(options).Fit(repeated);
            Approx.Equal(b.Weights, a.Weights, 1e-8, "weights");
            Approx.Equal(MatrixSpan.Flat(b.Means), MatrixSpan.Flat(a.Means), 1e-8, "means");
            Approx.Equal(b.CovariancesRaw, a.CovariancesRaw, 1e-8, "covariances");
            Approx.Equal(b.LowerBound, a.LowerBound, 1e-8, "lower bound");
        }, iter: 60);
    }

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Tied)]
    [InlineData(CovarianceType.Diag)]
    [InlineData(CovarianceType.Spherical)]
    public void Fit_SameSeed_IsBitIdenticalOnOneAndAllThreads(CovarianceType type)
    {
        var x = Synthetic.Blobs(30_000, 3, 4, 11);   // several chunks
        GaussianMixtureModel Run(int? threads) => new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 4, CovarianceType = type, NInit = 2, Seed = 21, MaxDegreeOfParallelism = threads, Init = InitMethod.KMeans,
        }).Fit(x);
        var one = Run(1);
        var all = Run(null);
        Assert.Equal(one.Weights, all.Weights);
        Assert.Equal(MatrixSpan.Flat(one.Means).ToArray(), MatrixSpan.Flat(all.Means).ToArray());
        Assert.Equal(one.CovariancesRaw, all.CovariancesRaw);
        Assert.Equal(one.LowerBoundHistory, all.LowerBoundHistory);
        Assert.Equal(one.Score(x), all.Score(x));
    }

    /// <summary>Options whose explicit init is the given model's parameters (in scikit-learn's precision shapes).</summary>
    internal static GaussianMixtureOptions InitFrom(GaussianMixtureModel m)
    {
        int k = m.Components, d = m.Features;
        var prec = m.Precisions;
        double[][,] precisions = m.CovarianceType switch
        {
            CovarianceType.Full => Enumerable.Range(0, k).Select(c => Slice(prec, c)).ToArray(),
            CovarianceType.Tied => [Slice(prec, 0)],
            CovarianceType.Diag => [Build(k, d, (c, j) => prec[c, j, j])],
            _ => [Build(k, 1, (c, _) => prec[c, 0, 0])],
        };
        return new GaussianMixtureOptions
        {
            Components = k, CovarianceType = m.CovarianceType,
            InitialWeights = m.Weights, InitialMeans = m.Means, InitialPrecisions = precisions,
        };

        static double[,] Slice(double[,,] a, int c) => Build(a.GetLength(1), a.GetLength(2), (i, j) => a[c, i, j]);
        static double[,] Build(int r, int cols, Func<int, int, double> f)
        {
            var o = new double[r, cols];
            for (int i = 0; i < r; i++) for (int j = 0; j < cols; j++) o[i, j] = f(i, j);
            return o;
        }
    }
}
