using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Gaussian;

/// <summary>The variational estimator's behaviour beyond the reference cases: the README's claim, options, priors, sampling.</summary>
public class BayesianGaussianMixtureTests
{
    /// <summary>README.md's example, as written there: faithful, K = 8, a Dirichlet-process prior.</summary>
    [Fact]
    public void ReadmeExample_Faithful_KeepsTwoOrThreeOfEightComponents()
    {
        double[,] x = Fixtures.Data("data/faithful.csv");
        var model = new BayesianGaussianMixture(new BayesianGaussianMixtureOptions
        {
            Components = 8,
            WeightConcentrationPriorType = WeightConcentrationPriorType.DirichletProcess,
            NInit = 5,
            Seed = 0,
        }).Fit(x);
        Assert.InRange(model.EffectiveComponents(), 2, 3);
        Assert.Equal(8, model.Components);
        Assert.True(model.Converged);
    }

    /// <summary>
    /// One restart can end with a component kept alive by a single outlying row (weight about 1/N, above the
    /// 1e-3 threshold): a local optimum of the bound. The best of five restarts is the two-cluster solution.
    /// </summary>
    [Fact]
    public void OneRestart_CanKeepSingleRowComponents_WhichMoreRestartsRemove()
    {
        double[,] x = Fixtures.Data("data/faithful.csv");
        var one = new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { Components = 8, Seed = 0 }).Fit(x);
        var five = new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { Components = 8, Seed = 0, NInit = 5 }).Fit(x);
        Assert.True(five.LowerBound >= one.LowerBound);
        Assert.All(one.Weights.Where(w => w >= 1e-3 && w < 0.01), w => Assert.InRange(w * 272, 0.5, 1.5));
        Assert.Equal(2, five.EffectiveComponents());
        Assert.Equal(8, five.EffectiveComponents(0));
    }

    [Fact]
    public void Options_RefuseWhatDoesNotApply()
    {
        Assert.Throws<ArgumentException>(() => new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { Components = 2, InitialMeans = new double[2, 2] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { WeightConcentrationPrior = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { MeanPrecisionPrior = -1 }));
        var x = Fixtures.Data("data/faithful.csv");
        var ex = Assert.Throws<ArgumentException>(() => new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { DegreesOfFreedomPrior = 1 }).Fit(x));
        Assert.Equal("DegreesOfFreedomPrior", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { MeanPrior = [1.0] }).Fit(x));
        Assert.Equal("MeanPrior", ex.ParamName);
        ex = Assert.Throws<ArgumentException>(() => new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { CovariancePrior = new double[,] { { 1 } } }).Fit(x));
        Assert.Contains("2 x 2", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { CovariancePrior = new double[,] { { 1, 2 }, { 2, 1 } } }).Fit(x));
        Assert.Contains("positive definite", ex.Message);
    }

    /// <summary>A constant column gives a zero entry in the default covariance prior: accepted, reg_covar keeps the fit positive definite.</summary>
    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Diag)]
    public void ConstantColumn_ZeroInTheDefaultPrior_IsAccepted(CovarianceType type)
    {
        var rng = new Random(2);
        var x = new double[200, 3];
        for (int i = 0; i < 200; i++)
        {
            x[i, 0] = (i % 2) * 8 + Synthetic.Normal(rng);
            x[i, 1] = 4;
            x[i, 2] = Synthetic.Normal(rng);
        }
        var model = new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { Components = 4, CovarianceType = type, Seed = 1 }).Fit(x);
        var p0 = model.CovariancePrior;
        Assert.Equal(0, type == CovarianceType.Full ? p0[1, 1] : p0[0, 1]);
        Assert.All(model.Weights, w => Assert.True(double.IsFinite(w)));
        Assert.InRange(model.EffectiveComponents(), 2, 4);
    }

    /// <summary>Sampling draws from the point-estimate mixture: its weights and means.</summary>
    [Fact]
    public void Sample_DrawsFromThePointEstimate()
    {
        var x = Fixtures.Data("data/faithful.csv");
        var model = new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { Components = 4, Seed = 0, NInit = 3 }).Fit(x);
        var s = model.Sample(20_000, seed: 4);
        int main = Array.IndexOf(model.Weights, model.Weights.Max());
        var rows = Enumerable.Range(0, 20_000).Where(i => s.Components[i] == main).ToArray();
        Assert.InRange(rows.Length / 20_000.0, model.Weights[main] - 0.02, model.Weights[main] + 0.02);
        Assert.InRange(rows.Average(i => s.Points[i, 1]), model.Means[main, 1] - 0.5, model.Means[main, 1] + 0.5);
    }

    /// <summary>A warm start continues from the previous posterior: one more iteration moves the bound on from where it was.</summary>
    [Fact]
    public void WarmStart_ContinuesFromThePreviousPosterior()
    {
        var x = Fixtures.Data("data/faithful.csv");
        var estimator = new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { Components = 3, Seed = 0, MaxIterations = 5, Tolerance = 0, WarmStart = true });
        var first = estimator.Fit(x);
        var second = estimator.Fit(x);
        Assert.True(second.LowerBoundHistory[0] >= first.LowerBound - 1e-9 * Math.Abs(first.LowerBound));
    }
}
