using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Robustness;

/// <summary>
/// Re-seeding never makes a fit worse than scikit-learn's (issue 17, item 12): the default
/// <see cref="DegenerateHandling.Reseed"/> re-seeds only a covariance failing Cholesky after reg_covar or a
/// component whose responsibilities all underflowed, so wherever <see cref="DegenerateHandling.Throw"/>
/// (scikit-learn's trajectory) succeeds, the default follows it and ends at the same lower bound.
/// </summary>
public class ReseedTests
{
    public static TheoryData<string> Cases() => new(Fixtures.CaseNames(Fixtures.IsGaussian));

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReferenceCase_DefaultNeverEndsBelowErrorMode(string name)
    {
        var c = Fixtures.Case(name);
        var x = Fixtures.Data(c.GetProperty("data").GetString()!);
        var options = Fixtures.Options(c);
        AssertNotBelow(x, options);
    }

    /// <summary>14 Gaussian clusters on a ring, K = 14 full, 50 iterations from fixed initial parameters (the case).</summary>
    [Fact]
    public void Ring_DefaultNeverEndsBelowErrorMode()
    {
        var (x, options) = Ring();
        var (reseed, error) = AssertNotBelow(x, options);
        Assert.NotNull(error);   // scikit-learn succeeds here: the comparison means something
        Assert.Equal(0, reseed.Reseeds);
    }

    static (GaussianMixtureModel Default, GaussianMixtureModel? Error) AssertNotBelow(double[,] x, GaussianMixtureOptions options)
    {
        var reseed = new GaussianMixture(options with { Degenerate = DegenerateHandling.Reseed }).Fit(x);
        GaussianMixtureModel? error = null;
        try
        {
            error = new GaussianMixture(options with { Degenerate = DegenerateHandling.Throw }).Fit(x);
        }
        catch (DegenerateFitException)
        {
            return (reseed, null);   // scikit-learn fails: re-seeding is the only way on
        }
        Assert.True(reseed.LowerBound >= error.LowerBound - 1e-9,
            $"default ended at {reseed.LowerBound} after {reseed.Reseeds} re-seeds, below scikit-learn's {error.LowerBound}");
        return (reseed, error);
    }

    internal static (double[,] X, GaussianMixtureOptions Options) Ring()
    {
        const int n = 1000, k = 14;
        var rng = new Random(14);
        var x = new double[n, 2];
        for (int i = 0; i < n; i++)
        {
            double angle = 2 * Math.PI * (i % k) / k;
            x[i, 0] = 10 * Math.Cos(angle) + 0.6 * Gauss(rng);
            x[i, 1] = 10 * Math.Sin(angle) + 0.6 * Gauss(rng);
        }
        // Means drawn uniformly over the ring's square (seed 3): some components start between clusters and
        // shrink below 1.5 effective samples before they recover. The old rule re-seeded them twice and
        // ended at -4.582; scikit-learn's trajectory reaches -4.456.
        var r = new Random(3);
        var means = new double[k, 2];
        for (int c = 0; c < k; c++)
        {
            means[c, 0] = r.NextDouble() * 24 - 12;
            means[c, 1] = r.NextDouble() * 24 - 12;
        }
        var options = new GaussianMixtureOptions
        {
            Components = k, CovarianceType = CovarianceType.Full, MaxIterations = 50, Tolerance = 0,
            InitialWeights = Enumerable.Repeat(1.0 / k, k).ToArray(), InitialMeans = means,
            InitialPrecisions = Enumerable.Range(0, k).Select(_ => new double[,] { { 1, 0 }, { 0, 1 } }).ToArray(),
        };
        return (x, options);
    }

    static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
