using Mixtures.Internal;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Bernoulli;

/// <summary>
/// BernoulliMixture.InitialModel and PoissonMixture.InitialModel (shared through MeanMixtureFit): the parameters
/// returned are exactly where Fit starts, so one EM iteration from them (given as explicit initial parameters)
/// is the first iteration of Fit.
/// </summary>
public class InitialModelTests
{
    const double Tol = 1e-12;

    static double[,] Binary => Fixtures.Data("data/digits_binary.csv");
    static double[,] Counts => Fixtures.Data("data/digits.csv");

    static double[] RowWeights(int n) => Enumerable.Range(0, n).Select(i => 0.5 + (i * 7 % 5)).ToArray();

    static void AssertSameIteration(IMixtureModel expected, IMixtureModel actual)
    {
        Assert.Equal(1, expected.Iterations);
        Assert.Equal(1, actual.Iterations);
        Approx.Equal(expected.LowerBound, actual.LowerBound, Tol, "lower bound");
        Approx.Equal(expected.Weights, actual.Weights, Tol, "weights");
        Approx.Equal(MatrixSpan.Flat(expected.Means), MatrixSpan.Flat(actual.Means), Tol, "means");
    }

    [Theory]
    [InlineData(InitMethod.KMeans, false)]
    [InlineData(InitMethod.KMeansPlusPlus, false)]
    [InlineData(InitMethod.Random, false)]
    [InlineData(InitMethod.RandomFromData, false)]
    [InlineData(InitMethod.KMeans, true)]
    public void Bernoulli_OneIterationFromInitialModel_EqualsFirstIterationOfFit(InitMethod init, bool weighted)
    {
        var x = Binary;
        var w = weighted ? RowWeights(x.GetLength(0)) : null;
        var options = new BernoulliMixtureOptions { Components = 5, Init = init, Seed = 3, MaxIterations = 1, Tolerance = 0 };
        var start = new BernoulliMixture(options).InitialModel(x, w);
        Assert.Equal(0, start.Iterations);
        Assert.True(double.IsNaN(start.LowerBound));

        var fit = new BernoulliMixture(options).Fit(x, w);
        var fromStart = new BernoulliMixture(options with { InitialWeights = start.Weights, InitialMeans = start.Means }).Fit(x, w);
        AssertSameIteration(fit, fromStart);
        // More restarts do not move the first one's start.
        Assert.Equal(start.Means, new BernoulliMixture(options with { NInit = 3 }).InitialModel(x, w).Means);
    }

    [Fact]
    public void Bernoulli_WithBinarizeThreshold_StartsWhereFitStarts()
    {
        var options = new BernoulliMixtureOptions { Components = 4, Seed = 1, BinarizeThreshold = 8, MaxIterations = 1, Tolerance = 0 };
        var start = new BernoulliMixture(options).InitialModel(Counts);
        Assert.Equal(8, start.BinarizeThreshold);
        var fit = new BernoulliMixture(options).Fit(Counts);
        var fromStart = new BernoulliMixture(options with { InitialWeights = start.Weights, InitialMeans = start.Means }).Fit(Counts);
        AssertSameIteration(fit, fromStart);
    }

    [Fact]
    public void Bernoulli_WithExplicitInit_ReturnsThoseParameters()
    {
        double[] weights = [0.25, 0.75];
        var means = new double[,] { { 0.2, 0.9, 0.5 }, { 0.6, 0.1, 0.3 } };
        var x = new double[,] { { 0, 1, 1 }, { 1, 0, 0 }, { 1, 1, 0 }, { 0, 0, 1 } };
        var start = new BernoulliMixture(new BernoulliMixtureOptions { Components = 2, InitialWeights = weights, InitialMeans = means }).InitialModel(x);
        Assert.Equal(weights, start.Weights);
        Assert.Equal(means, start.Means);
    }

    [Fact]
    public void Bernoulli_InitialModel_RejectsWhatFitRejects()
    {
        var x = new double[,] { { 0, 1 }, { 1, 0 }, { 1, 0.5 } };
        var e = Assert.Throws<ArgumentException>(() => new BernoulliMixture(new BernoulliMixtureOptions()).InitialModel(x));
        Assert.Contains("Row 2, column 1", e.Message);
        Assert.ThrowsAny<ArgumentException>(() =>
            new BernoulliMixture(new BernoulliMixtureOptions { Components = 2, InitialWeights = [1.0, 0.0], InitialMeans = new double[,] { { 0.5, 1.0 }, { 0.5, 0.5 } } })
                .InitialModel(new double[,] { { 0, 1 }, { 1, 0 }, { 1, 1 } }));
        Assert.ThrowsAny<ArgumentException>(() => new BernoulliMixture(new BernoulliMixtureOptions { Components = 5 })
            .InitialModel(new double[,] { { 0, 1 }, { 1, 0 } }));
    }

    [Theory]
    [InlineData(InitMethod.KMeans, false)]
    [InlineData(InitMethod.KMeansPlusPlus, false)]
    [InlineData(InitMethod.Random, false)]
    [InlineData(InitMethod.RandomFromData, true)]
    public void Poisson_OneIterationFromInitialModel_EqualsFirstIterationOfFit(InitMethod init, bool weighted)
    {
        var x = Counts;
        var w = weighted ? RowWeights(x.GetLength(0)) : null;
        var options = new PoissonMixtureOptions { Components = 5, Init = init, Seed = 2, MaxIterations = 1, Tolerance = 0 };
        var start = new PoissonMixture(options).InitialModel(x, w);
        Assert.Equal(0, start.Iterations);
        Assert.Equal(start.Means, start.Rates);

        var fit = new PoissonMixture(options).Fit(x, w);
        var fromStart = new PoissonMixture(options with { InitialWeights = start.Weights, InitialMeans = start.Rates }).Fit(x, w);
        AssertSameIteration(fit, fromStart);
    }

    [Fact]
    public void Poisson_InitialModel_IsTheStartOfTheWholeFit()
    {
        var options = new PoissonMixtureOptions { Components = 3, Seed = 7, MaxIterations = 15, Tolerance = 0 };
        var start = new PoissonMixture(options).InitialModel(Counts);
        var fit = new PoissonMixture(options).Fit(Counts);
        var fromStart = new PoissonMixture(options with { InitialWeights = start.Weights, InitialMeans = start.Rates }).Fit(Counts);
        Approx.Equal(fit.LowerBoundHistory, fromStart.LowerBoundHistory, Tol, "lower bound history");
        Approx.Equal(MatrixSpan.Flat(fit.Rates), MatrixSpan.Flat(fromStart.Rates), Tol, "rates");
    }

    [Fact]
    public void Poisson_InitialModel_RejectsNegativeCounts()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new PoissonMixture(new PoissonMixtureOptions()).InitialModel(new double[,] { { 1, 2 }, { 3, -1 } }));
        Assert.Contains("Row 1, column 1", e.Message);
    }
}
