using CsCheck;
using Mixtures.Internal;
using Mixtures.Serialization;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Gaussian;

/// <summary>Invariants of the variational fit on any data (CsCheck generates and shrinks the cases).</summary>
public class BayesianMixturePropertyTests
{
    /// <summary>Random clustered data (N in [K+8, 120], D in [1, 4], up to 3 true clusters), a K above that, any type and weight prior.</summary>
    static readonly Gen<(double[,] X, BayesianGaussianMixtureOptions Options)> Problems =
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 4], Gen.Int[0, 1_000_000], Gen.Int[0, 3], Gen.Bool).Select((clusters, d, seed, type, process) =>
        {
            var rng = new Random(seed);
            int k = clusters + rng.Next(0, 4), n = rng.Next(k + 8, 120);
            var x = new double[n, d];
            var centres = new double[clusters, d];
            for (int c = 0; c < clusters; c++)
                for (int j = 0; j < d; j++) centres[c, j] = rng.NextDouble() * 40 - 20;
            for (int i = 0; i < n; i++)
                for (int j = 0; j < d; j++) x[i, j] = centres[i % clusters, j] + Synthetic.Normal(rng) * (0.5 + rng.NextDouble());
            return (x, new BayesianGaussianMixtureOptions
            {
                Components = k, CovarianceType = (CovarianceType)type, Seed = seed, Tolerance = 0, MaxIterations = 25,
                WeightConcentrationPriorType = process ? WeightConcentrationPriorType.DirichletProcess : WeightConcentrationPriorType.DirichletDistribution,
            });
        });

    /// <summary>Coordinate ascent: the bound never goes down beyond rounding (about 1e-12 relative).</summary>
    [Fact]
    public void LowerBound_DoesNotDecrease()
    {
        Problems.Sample(p =>
        {
            var h = new BayesianGaussianMixture(p.Options).Fit(p.X).LowerBoundHistory;
            for (int t = 1; t < h.Length; t++)
                Assert.True(h[t] >= h[t - 1] - 1e-12 * Math.Abs(h[t - 1]),
                    $"the bound fell from {h[t - 1]:R} to {h[t]:R} at iteration {t + 1}");
        }, iter: 80);
    }

    [Fact]
    public void PredictProba_RowsSumToOne()
    {
        Problems.Sample(p =>
        {
            var model = new BayesianGaussianMixture(p.Options with { MaxIterations = 10 }).Fit(p.X);
            Approx.Probabilities(model.PredictProba(p.X));
        }, iter: 60);
    }

    [Fact]
    public void SaveThenLoad_GivesTheIdenticalModel()
    {
        Problems.Sample(p =>
        {
            var model = new BayesianGaussianMixture(p.Options with { MaxIterations = 10 }).Fit(p.X);
            string json = MixtureModelJson.ToJson(model);
            var back = Assert.IsType<BayesianGaussianMixtureModel>(MixtureModelJson.FromJson(json));
            Assert.Equal(json, MixtureModelJson.ToJson(back));
            Assert.Equal(model.WeightConcentration, back.WeightConcentration);
            Assert.Equal(model.MeanPrecision, back.MeanPrecision);
            Assert.Equal(model.DegreesOfFreedom, back.DegreesOfFreedom);
            Assert.Equal(model.CovariancePrior, back.CovariancePrior);
            Assert.Equal(model.LowerBoundHistory, back.LowerBoundHistory);
            Assert.Equal(model.ScoreSamples(p.X), back.ScoreSamples(p.X));
            Assert.Equal(model.PredictProba(p.X), back.PredictProba(p.X));
        }, iter: 40);
    }

    [Theory]
    [InlineData(CovarianceType.Full, WeightConcentrationPriorType.DirichletProcess)]
    [InlineData(CovarianceType.Tied, WeightConcentrationPriorType.DirichletDistribution)]
    [InlineData(CovarianceType.Diag, WeightConcentrationPriorType.DirichletProcess)]
    [InlineData(CovarianceType.Spherical, WeightConcentrationPriorType.DirichletDistribution)]
    public void Fit_IsBitIdenticalOnOneAndAllThreads(CovarianceType type, WeightConcentrationPriorType prior)
    {
        var x = Synthetic.Blobs(12_000, 3, 4, 11);   // several chunks
        BayesianGaussianMixtureModel Run(int? threads) => new BayesianGaussianMixture(new BayesianGaussianMixtureOptions
        {
            Components = 6, CovarianceType = type, WeightConcentrationPriorType = prior, NInit = 2, Seed = 21, MaxDegreeOfParallelism = threads,
            MaxIterations = 15,   // the bound is a total over 12 000 rows: tol 1e-3 would take the full 100 iterations
        }).Fit(x);
        var one = Run(1);
        var all = Run(null);
        Assert.Equal(one.Weights, all.Weights);
        Assert.Equal(MatrixSpan.Flat(one.Means).ToArray(), MatrixSpan.Flat(all.Means).ToArray());
        Assert.Equal(one.CovariancesRaw, all.CovariancesRaw);
        Assert.Equal(one.WeightConcentration, all.WeightConcentration);
        Assert.Equal(one.LowerBoundHistory, all.LowerBoundHistory);
        Assert.Equal(one.Score(x), all.Score(x));
    }
}
