using Mixtures.Data;
using Mixtures.Internal.Initialization;
using Mixtures.Serialization;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Robustness;

/// <summary>
/// <c>Fit(IRowSource)</c> with a source that copies every range (as a file-backed one does) gives the
/// same model, bit for bit, as <c>Fit(double[,])</c> on the same rows: every family, every init method,
/// weighted or not, and past the initialization sample's size; data errors name the same row and column.
/// </summary>
public class StreamedSourceTests
{
    public static TheoryData<string, InitMethod, bool> Cases()
    {
        var data = new TheoryData<string, InitMethod, bool>();
        foreach (var family in new[] { "gaussian", "bernoulli", "poisson" })
            foreach (var init in Enum.GetValues<InitMethod>())
                if (init != InitMethod.Hierarchical || family == "gaussian")   // mclust's hc is Gaussian only
                    data.Add(family, init, init == InitMethod.KMeans);
        return data;
    }

    static double[,] Data(string family, int n, int seed)
    {
        var x = Synthetic.Blobs(n, 3, 3, seed);
        if (family == "gaussian") return x;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < 3; j++)
                x[i, j] = family == "bernoulli" ? x[i, j] : Math.Max(0, Math.Round(x[i, j] + 5));
        return x;
    }

    static MixtureModel Fit(string family, InitMethod init, object source, double[]? w)
    {
        var common = new MixtureOptions { Components = 3, Init = init, Seed = 7, MaxIterations = 8, Tolerance = 0 };
        return (family, source) switch
        {
            ("gaussian", double[,] x) => new GaussianMixture(new GaussianMixtureOptions(common)).Fit(x, w),
            ("gaussian", IRowSource s) => new GaussianMixture(new GaussianMixtureOptions(common)).Fit(s),
            ("bernoulli", double[,] x) => new BernoulliMixture(new BernoulliMixtureOptions(common) { BinarizeThreshold = 0.5 }).Fit(x, w),
            ("bernoulli", IRowSource s) => new BernoulliMixture(new BernoulliMixtureOptions(common) { BinarizeThreshold = 0.5 }).Fit(s),
            ("poisson", double[,] x) => new PoissonMixture(new PoissonMixtureOptions(common)).Fit(x, w),
            (_, IRowSource s) => new PoissonMixture(new PoissonMixtureOptions(common)).Fit(s),
            _ => throw new ArgumentException(family),
        };
    }

    static void AssertSameModel(MixtureModel expected, MixtureModel actual)
    {
        Assert.Equal(expected.LowerBoundHistory, actual.LowerBoundHistory);
        Assert.Equal(expected.TrainingScore, actual.TrainingScore);
        Assert.Equal(expected.Iterations, actual.Iterations);
        // The model files hold every parameter round-trip exact; only the timing differs.
        static string Strip(MixtureModel m) => string.Join('\n', MixtureModelJson.ToJson(m).Split('\n').Where(l => !l.Contains("fit_seconds")));
        Assert.Equal(Strip(expected), Strip(actual));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CopyingSource_GivesTheInMemoryModel(string family, InitMethod init, bool weighted)
    {
        var x = Data(family, 6000, 21);
        double[]? w = weighted ? Enumerable.Range(0, 6000).Select(i => i % 7 == 0 ? 0.0 : 1 + i % 3).ToArray() : null;
        var source = new CopyingSource(x, w);
        AssertSameModel(Fit(family, init, x, w), Fit(family, init, source, null));
        Assert.True(source.Reads > 0);
    }

    [Fact]
    public void MoreRowsThanTheInitialSample_StreamedAndInMemory_Agree()
    {
        int n = InitialSample.MaxRows + 9000;
        var x = Synthetic.Blobs(n, 2, 3, seed: 5);
        foreach (var init in new[] { InitMethod.KMeans, InitMethod.KMeansPlusPlus, InitMethod.RandomFromData })
            AssertSameModel(Fit("gaussian", init, x, null), Fit("gaussian", init, new CopyingSource(x, null), null));
    }

    [Fact]
    public void NonFiniteValue_InAStreamedSource_NamesRowAndColumn()
    {
        var x = Synthetic.Blobs(20000, 3, 2, seed: 2);
        x[17000, 2] = double.NaN;
        var e = Assert.ThrowsAny<ArgumentException>(() =>
            new GaussianMixture(new GaussianMixtureOptions { Components = 2 }).Fit(new CopyingSource(x, null)));
        Assert.Equal("Row 17000, column 2: NaN is not a finite number; remove or impute it. (Parameter 'x')", e.Message);
        var inMemory = Assert.ThrowsAny<ArgumentException>(() => new GaussianMixture(new GaussianMixtureOptions { Components = 2 }).Fit(x));
        Assert.Equal(inMemory.Message, e.Message);
    }

    [Fact]
    public void NonIntegerCount_AndNegativeWeight_InAStreamedSource_AreRefusedAsInMemory()
    {
        var x = Data("poisson", 10000, 3);
        x[9500, 1] = 2.5;
        var expected = Assert.ThrowsAny<ArgumentException>(() => new PoissonMixture(new PoissonMixtureOptions { Components = 2 }).Fit(x));
        var streamed = Assert.ThrowsAny<ArgumentException>(() => new PoissonMixture(new PoissonMixtureOptions { Components = 2 }).Fit(new CopyingSource(x, null)));
        Assert.Equal(expected.Message, streamed.Message);
        Assert.Contains("Row 9500, column 1: 2.5 is not an integer", streamed.Message);

        var g = Synthetic.Blobs(10000, 2, 2, seed: 4);
        var w = Enumerable.Repeat(1.0, 10000).ToArray();
        w[8888] = -1;
        var a = Assert.ThrowsAny<ArgumentException>(() => new GaussianMixture(new GaussianMixtureOptions { Components = 2 }).Fit(g, w));
        var b = Assert.ThrowsAny<ArgumentException>(() => new GaussianMixture(new GaussianMixtureOptions { Components = 2 }).Fit(new CopyingSource(g, w)));
        Assert.Equal(a.Message, b.Message);
    }
}
