using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Robustness;

/// <summary>Every bad input gets an ArgumentException-family error that names the problem.</summary>
public class BadInputTests
{
    static GaussianMixtureModel Fit(double[,] x, int k = 1, CovarianceType type = CovarianceType.Full, double reg = 1e-6, double[]? w = null) =>
        new GaussianMixture(new GaussianMixtureOptions { Components = k, CovarianceType = type, RegCovar = reg, Seed = 0 }).Fit(x, w);

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Fit_NonFiniteCell_NamesRowAndColumn(double bad, string shown)
    {
        var x = Synthetic.Blobs(20, 3, 1, 0);
        x[7, 2] = bad;
        var ex = Assert.Throws<ArgumentException>(() => Fit(x));
        Assert.Contains("Row 7, column 2", ex.Message);
        Assert.Contains(shown, ex.Message);
    }

    [Fact]
    public void Fit_NoRows_Or_NoFeatures_IsRefused()
    {
        Assert.Contains("no samples", Assert.Throws<ArgumentException>(() => Fit(new double[0, 2])).Message);
        Assert.Contains("no features", Assert.Throws<ArgumentException>(() => Fit(new double[5, 0])).Message);
    }

    [Fact]
    public void Fit_MoreComponentsThanSamples_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Fit(Synthetic.Blobs(3, 2, 1, 0), k: 4));
        Assert.Contains("3 samples but 4 components", ex.Message);
    }

    [Fact]
    public void Fit_MoreComponentsThanDistinctPoints_IsRefused()
    {
        var x = new double[10, 2];
        for (int i = 0; i < 10; i++) x[i, 0] = i % 3;
        var ex = Assert.Throws<ArgumentException>(() => Fit(x, k: 4));
        Assert.Contains("only 3 distinct points", ex.Message);
    }

    [Fact]
    public void Fit_BadSampleWeights_AreRefused()
    {
        var x = Synthetic.Blobs(10, 2, 1, 0);
        Assert.Contains("sampleWeight[3] = -1", Assert.Throws<ArgumentException>(() => Fit(x, w: [1, 1, 1, -1, 1, 1, 1, 1, 1, 1])).Message);
        Assert.Contains("sums to zero", Assert.Throws<ArgumentException>(() => Fit(x, w: new double[10])).Message);
        Assert.Contains("9 entries", Assert.Throws<ArgumentException>(() => Fit(x, w: new double[9])).Message);
    }

    public static TheoryData<GaussianMixtureOptions, string> BadOptions() => new()
    {
        { new GaussianMixtureOptions { Components = 0 }, "Components" },
        { new GaussianMixtureOptions { Tolerance = -1 }, "Tolerance" },
        { new GaussianMixtureOptions { RegCovar = double.NaN }, "RegCovar" },
        { new GaussianMixtureOptions { MaxIterations = 0 }, "MaxIterations" },
        { new GaussianMixtureOptions { NInit = 0 }, "NInit" },
        { new GaussianMixtureOptions { CovarianceType = (CovarianceType)99 }, "CovarianceType" },
        { new GaussianMixtureOptions { MaxDegreeOfParallelism = 0 }, "MaxDegreeOfParallelism" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Constructor_InvalidOption_NamesIt(GaussianMixtureOptions options, string name)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new GaussianMixture(options));
        Assert.Equal(name, ex.ParamName);
    }

    [Fact]
    public void Fit_BadInitialParameters_AreRefusedWithTheirName()
    {
        var x = Synthetic.Blobs(40, 2, 2, 0);
        var good = new GaussianMixtureOptions
        {
            Components = 2, InitialWeights = [0.5, 0.5], InitialMeans = new double[2, 2],
            InitialPrecisions = [new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 0, 1 } }],
        };
        new GaussianMixture(good).Fit(x);
        void Bad(GaussianMixtureOptions o, string text) =>
            Assert.Contains(text, Assert.ThrowsAny<ArgumentException>(() => new GaussianMixture(o).Fit(x)).Message);
        Bad(good with { InitialWeights = [0.5, 0.25, 0.25] }, "expected 2");
        Bad(good with { InitialWeights = [1.5, -0.5] }, "InitialWeights[1] = -0.5");
        Bad(good with { InitialWeights = [0.5, 0.6] }, "must sum to 1");
        Bad(good with { InitialMeans = new double[3, 2] }, "InitialMeans has shape [3, 2]; expected [2, 2]");
        Bad(good with { InitialPrecisions = [new double[,] { { 1, 0 }, { 0, 1 } }] }, "2 matrices of 2 x 2");
        Bad(good with { InitialPrecisions = [new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 1, 2 }, { 2, 1 } }] }, "component 1 is not positive definite");
        Bad(good with { InitialPrecisions = [new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 1, 0.5 }, { 0, 1 } }] }, "not symmetric");
    }

    [Fact]
    public void Predict_WrongFeatureCount_IsRefused()
    {
        var model = Fit(Synthetic.Blobs(30, 2, 1, 0));
        var ex = Assert.Throws<ArgumentException>(() => model.Predict(new double[3, 3]));
        Assert.Contains("3 columns but the model was fitted on 2", ex.Message);
    }

    [Fact]
    public void Fit_ValuesNear1e300_IsRefusedWithRemedy()
    {
        var x = Synthetic.Map(Synthetic.Blobs(30, 2, 1, 0), v => v * 1e300);
        var ex = Assert.Throws<ArgumentException>(() => Fit(x));
        Assert.Contains("too large", ex.Message);
        Assert.Contains("Scale the data", ex.Message);
    }

    [Fact]
    public void Fit_SpreadNear1e300Below_IsRefusedWithRemedy()
    {
        var x = Synthetic.Map(Synthetic.Blobs(30, 2, 1, 0), v => v * 1e-300);
        var ex = Assert.Throws<ArgumentException>(() => Fit(x, reg: 0));
        Assert.Contains("too small", ex.Message);
    }

    [Fact]
    public void Fit_ConstantColumnWithoutRegularization_IsRefused()
    {
        var x = Synthetic.Blobs(30, 2, 1, 0);
        for (int i = 0; i < 30; i++) x[i, 1] = 4;
        Assert.Contains("Column 1 is constant", Assert.Throws<ArgumentException>(() => Fit(x, reg: 0)).Message);
    }
}
