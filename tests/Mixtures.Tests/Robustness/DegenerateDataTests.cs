using Mixtures.Internal;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Robustness;

/// <summary>Degenerate but legal data gives a valid, finite model; collapsing components are re-seeded.</summary>
public class DegenerateDataTests
{
    static void AssertFinite(GaussianMixtureModel m)
    {
        foreach (double v in m.Weights) Assert.True(double.IsFinite(v) && v >= 0);
        foreach (double v in MatrixSpan.Flat(m.Means)) Assert.True(double.IsFinite(v));
        foreach (double v in m.CovariancesRaw) Assert.True(double.IsFinite(v));
        foreach (double v in m.PrecisionsCholeskyRaw) Assert.True(double.IsFinite(v));
        Assert.True(double.IsFinite(m.LowerBound));
    }

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Tied)]
    [InlineData(CovarianceType.Diag)]
    [InlineData(CovarianceType.Spherical)]
    public void Fit_ConstantColumn_GivesRegularizedVariance(CovarianceType type)
    {
        var x = Synthetic.Blobs(60, 3, 2, 1);
        for (int i = 0; i < 60; i++) x[i, 1] = 7;
        var m = new GaussianMixture(new GaussianMixtureOptions { Components = 2, CovarianceType = type, Seed = 0 }).Fit(x);
        AssertFinite(m);
        if (type != CovarianceType.Spherical)
            for (int c = 0; c < 2; c++) Assert.Equal(1e-6, m.Covariances[c, 1, 1], 1e-9);
    }

    [Fact]
    public void Fit_AllRowsIdentical_OneComponentAtThatPoint()
    {
        var x = new double[20, 2];
        for (int i = 0; i < 20; i++) { x[i, 0] = 3; x[i, 1] = -1; }
        var m = new GaussianMixture(new GaussianMixtureOptions { Seed = 0 }).Fit(x);
        AssertFinite(m);
        Assert.Equal(3, m.Means[0, 0], 1e-12);
        Assert.Equal(1e-6, m.Covariances[0, 0, 0], 1e-12);
    }

    [Fact]
    public void Fit_OneDimensionOneComponent_IsTheSampleMeanAndVariance()
    {
        var x = new double[,] { { 1 }, { 2 }, { 3 }, { 6 } };
        var m = new GaussianMixture(new GaussianMixtureOptions { Seed = 0 }).Fit(x);
        Assert.Equal(3, m.Means[0, 0], 1e-12);
        Assert.Equal(3.5 + 1e-6, m.Covariances[0, 0, 0], 1e-12);
        Assert.True(m.Converged);
    }

    [Fact]
    public void Fit_WideData_D500_N50_IsFiniteAndConverges()
    {
        var x = Synthetic.Blobs(50, 500, 2, 3);
        foreach (var type in Synthetic.AllTypes)
            AssertFinite(new GaussianMixture(new GaussianMixtureOptions { Components = 2, CovarianceType = type, Seed = 0 }).Fit(x));
    }

    /// <summary>100 points around the origin and one far outlier that an explicit init gives its own component.</summary>
    static (double[,] X, GaussianMixtureOptions Options) Outlier(double reg)
    {
        var x = Synthetic.Blobs(101, 2, 1, 5);
        x[100, 0] = 50;
        x[100, 1] = 50;
        var options = new GaussianMixtureOptions
        {
            Components = 2, RegCovar = reg, Tolerance = 1e-6,
            InitialWeights = [0.99, 0.01], InitialMeans = new double[,] { { 0, 0 }, { 50, 50 } },
            InitialPrecisions = [new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 0, 1 } }],
        };
        return (x, options);
    }

    [Fact]
    public void Fit_ComponentCollapsingOntoOnePoint_ThrowMode_NamesTheComponent()
    {
        var (x, options) = Outlier(0);
        var ex = Assert.Throws<DegenerateFitException>(() => new GaussianMixture(options with { Degenerate = DegenerateHandling.Throw }).Fit(x));
        Assert.Equal(1, ex.Component);
        Assert.Contains("component 1", ex.Message);
        Assert.Contains("reg_covar", ex.Message);
    }

    [Fact]
    public void Fit_ComponentCollapsingOntoOnePoint_IsKeptAsScikitLearnKeepsIt()
    {
        // With reg_covar the component on the outlier is a valid (small) Gaussian: it is not re-seeded,
        // and the fit is scikit-learn's (issue 17, item 12).
        var (x, options) = Outlier(1e-6);
        var m = new GaussianMixture(options).Fit(x);
        var sk = new GaussianMixture(options with { Degenerate = DegenerateHandling.Throw }).Fit(x);
        Assert.Equal(0, m.Reseeds);
        Assert.Equal(sk.LowerBound, m.LowerBound);
        AssertFinite(m);
    }

    [Fact]
    public void Fit_SingularComponentThatKeepsReturning_StopsWithClearError()
    {
        // Two distinct points, repeated, and no reg_covar: a component holding one of them is singular
        // wherever it is re-seeded, so the fit stops after a bounded number of re-seeds.
        var x = new double[100, 2];
        for (int i = 50; i < 100; i++) x[i, 0] = x[i, 1] = 1;
        var options = new GaussianMixtureOptions
        {
            Components = 2, RegCovar = 0, InitialWeights = [0.5, 0.5], InitialMeans = new double[,] { { 0.4, 0.4 }, { 0.6, 0.6 } },
            InitialPrecisions = [new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 0, 1 } }],
        };
        var ex = Assert.Throws<DegenerateFitException>(() => new GaussianMixture(options).Fit(x));
        Assert.Contains("re-seeds", ex.Message);
        Assert.Contains("larger reg_covar", ex.Message);
    }

    [Fact]
    public void Fit_EmptyComponent_IsReseededIntoTheData()
    {
        var x = Synthetic.Blobs(200, 2, 2, 8);
        var options = new GaussianMixtureOptions
        {
            Components = 3, Tolerance = 1e-6,
            InitialWeights = [0.45, 0.45, 0.1], InitialMeans = new double[,] { { 0, 0 }, { 10, -5 }, { 1e4, 1e4 } },
            InitialPrecisions = [new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 0, 1 } }],
        };
        var m = new GaussianMixture(options).Fit(x);
        Assert.True(m.Reseeds >= 1);
        AssertFinite(m);
        Assert.InRange(m.Means[2, 0], -10, 20);   // moved from (1e4, 1e4) into the data
        Assert.True(m.Weights[2] > 0.01);
    }
}
