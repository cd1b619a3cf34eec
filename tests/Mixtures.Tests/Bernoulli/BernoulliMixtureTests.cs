using Mixtures.Internal;
using Mixtures.Serialization;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Bernoulli;

public class BernoulliMixtureTests
{
    static double[,] Binary => Fixtures.Data("data/digits_binary.csv");
    static double[,] Counts => Fixtures.Data("data/digits.csv");

    static BernoulliMixtureOptions Quick(int k = 4) => new() { Components = k, Seed = 0, MaxIterations = 30 };

    [Fact]
    public void Fit_WithNonBinaryData_ThrowsNamingRowColumnAndValue()
    {
        var x = new double[,] { { 0, 1 }, { 1, 0 }, { 1, 0.5 } };
        var e = Assert.Throws<ArgumentException>(() => new BernoulliMixture(new BernoulliMixtureOptions()).Fit(x));
        Assert.Contains("Row 2, column 1", e.Message);
        Assert.Contains("0.5", e.Message);
        Assert.Contains("BinarizeThreshold", e.Message);
    }

    [Fact]
    public void Fit_WithBinarizeThreshold_EqualsFitOnBinarizedData()
    {
        var a = new BernoulliMixture(Quick() with { BinarizeThreshold = 8 }).Fit(Counts);
        var b = new BernoulliMixture(Quick()).Fit(Binary);
        Assert.Equal(b.LowerBoundHistory, a.LowerBoundHistory);
        Assert.Equal(b.Means, a.Means);
        Assert.Equal(b.Predict(Binary), a.Predict(Counts));   // the model binarizes its inputs too
        Assert.Equal(8, a.BinarizeThreshold);
    }

    [Fact]
    public void Predict_WithNonBinaryDataAndNoThreshold_Throws()
    {
        var model = new BernoulliMixture(Quick()).Fit(Binary);
        Assert.Throws<ArgumentException>(() => model.Predict(Counts));
        Assert.Throws<ArgumentException>(() => model.ScoreSamples(new double[,] { { 2 } }));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Options_WithBadAlpha_ThrowNamingAlpha(double alpha)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new BernoulliMixture(new BernoulliMixtureOptions { Alpha = alpha }));
        Assert.Contains("Alpha", e.Message);
    }

    [Fact]
    public void Options_WithBadCommonOptions_ThrowNamingThem()
    {
        Assert.Contains("Components", Assert.ThrowsAny<ArgumentException>(() => new BernoulliMixture(new() { Components = 0 })).Message);
        Assert.Contains("Tolerance", Assert.ThrowsAny<ArgumentException>(() => new BernoulliMixture(new() { Tolerance = -1 })).Message);
        Assert.Contains("BinarizeThreshold", Assert.ThrowsAny<ArgumentException>(() => new BernoulliMixture(new() { BinarizeThreshold = double.NaN })).Message);
    }

    [Fact]
    public void Fit_WithInitialMeansOutsideOpenUnitInterval_Throws()
    {
        var means = new double[2, 64];
        means[1, 3] = 1.0;
        for (int j = 0; j < 64; j++) means[0, j] = 0.5;
        var e = Assert.Throws<ArgumentException>(() =>
            new BernoulliMixture(new() { Components = 2, InitialWeights = [0.5, 0.5], InitialMeans = means }).Fit(Binary));
        Assert.Contains("InitialMeans[1, 0]", e.Message);
    }

    [Fact]
    public void MStep_FollowsSmoothedFormula()
    {
        // Two components, responsibilities fixed by a far-apart init; one iteration with tol 0.
        var x = new double[,] { { 1, 0 }, { 1, 1 }, { 0, 0 }, { 0, 1 } };
        var model = new BernoulliMixture(new()
        {
            Components = 1, MaxIterations = 1, Tolerance = 0, Alpha = 0.5,
            InitialWeights = [1.0], InitialMeans = new double[,] { { 0.3, 0.6 } },
        }).Fit(x);
        double nk = 4 + 10 * Math.Pow(2, -52);
        Assert.Equal((2 + 0.5) / (nk + 1), model.Means[0, 0], 15);
        Assert.Equal(1.0, model.Weights[0], 15);
    }

    [Fact]
    public void ScoreSamples_EqualsNaiveLogLikelihood()
    {
        var model = new BernoulliMixture(Quick(3)).Fit(Binary);
        var x = Binary;
        var s = model.ScoreSamples(x);
        var w = model.Weights;
        var mu = model.Means;
        for (int i = 0; i < 20; i++)
        {
            var terms = new double[3];
            for (int k = 0; k < 3; k++)
            {
                double lp = Math.Log(w[k]);
                for (int j = 0; j < 64; j++) lp += x[i, j] == 1 ? Math.Log(mu[k, j]) : Math.Log(1 - mu[k, j]);
                terms[k] = lp;
            }
            double max = terms.Max();
            double expected = max + Math.Log(terms.Sum(t => Math.Exp(t - max)));
            Approx.Equal(expected, s[i], 1e-12, $"row {i}");
        }
    }

    [Fact]
    public void ParameterCount_IsKDPlusKMinusOne()
    {
        var model = new BernoulliMixture(Quick(5)).Fit(Binary);
        Assert.Equal(5 * 64 + 4, model.ParameterCount);
        double n = Binary.GetLength(0);
        Approx.Equal(-2 * model.Score(Binary) * n + model.ParameterCount * Math.Log(n), model.Bic(Binary), 1e-12, "bic");
        Approx.Equal(-2 * model.Score(Binary) * n + 2 * model.ParameterCount, model.Aic(Binary), 1e-12, "aic");
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalModel()
    {
        var model = new BernoulliMixture(Quick() with { BinarizeThreshold = 8, Alpha = 0.25 }).Fit(Counts);
        string json = MixtureModelJson.ToJson(model);
        Assert.Contains("\"family\": \"bernoulli\"", json);
        var back = Assert.IsType<BernoulliMixtureModel>(MixtureModelJson.FromJson(json));
        Assert.Equal(model.Weights, back.Weights);
        Assert.Equal(model.Means, back.Means);
        Assert.Equal(model.LowerBoundHistory, back.LowerBoundHistory);
        Assert.Equal(model.Iterations, back.Iterations);
        Assert.Equal(0.25, back.Alpha);
        Assert.Equal(8, back.BinarizeThreshold);
        Assert.Equal(model.ScoreSamples(Counts), back.ScoreSamples(Counts));
        Assert.Equal(model.TrainingBic, back.TrainingBic);
        Assert.Equal(json, MixtureModelJson.ToJson(back));

        var path = Path.Combine(Path.GetTempPath(), $"bmm-{Guid.NewGuid():N}.json");
        try
        {
            MixtureModelJson.Save(model, path);
            Assert.Equal(model.Predict(Counts), MixtureModelJson.Load(path).Predict(Counts));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Load_WithMeanOutsideUnitInterval_ThrowsFormatError()
    {
        var json = MixtureModelJson.ToJson(BernoulliMixtureModel.FromParameters([0.5, 0.5], new double[,] { { 0.2, 0.7 }, { 0.9, 0.1 } }));
        var bad = json.Replace("0.7", "1.7");
        var e = Assert.Throws<MixtureFormatException>(() => MixtureModelJson.FromJson(bad, "m.json"));
        Assert.Contains("means[0][1]", e.Message);
    }

    [Fact]
    public void Sample_DrawsBinaryRowsWithComponentFrequencies()
    {
        var model = BernoulliMixtureModel.FromParameters([0.25, 0.75], new double[,] { { 0.9, 0.1, 0.5 }, { 0.2, 0.8, 0.5 } });
        var s = model.Sample(20000, 7);
        Assert.All(MatrixSpan.Flat(s.Points).ToArray(), v => Assert.True(v is 0 or 1));
        int n0 = s.Components.Count(c => c == 0);
        Assert.InRange(n0 / 20000.0, 0.23, 0.27);
        double mean00 = Enumerable.Range(0, n0).Average(i => s.Points[i, 0]);
        Assert.InRange(mean00, 0.87, 0.93);
        Assert.Equal(s.Points, model.Sample(20000, 7).Points);
    }

    [Fact]
    public void Fit_WithUnitWeights_EqualsUnweighted_AndIntegerWeightsEqualRepeatedRows()
    {
        var x = Binary;
        int n = 300;
        var sub = new double[n, 64];
        for (int i = 0; i < n; i++) for (int j = 0; j < 64; j++) sub[i, j] = x[i, j];
        var opts = new BernoulliMixtureOptions { Components = 3, Tolerance = 0, MaxIterations = 15, InitialWeights = [0.3, 0.3, 0.4], InitialMeans = InitMeans(3) };
        var plain = new BernoulliMixture(opts).Fit(sub);
        var unit = new BernoulliMixture(opts).Fit(sub, Enumerable.Repeat(1.0, n).ToArray());
        Assert.Equal(plain.LowerBoundHistory, unit.LowerBoundHistory);

        var w = new double[n];
        for (int i = 0; i < n; i++) w[i] = i < 50 ? 2 : 1;
        var repeated = new double[n + 50, 64];
        for (int i = 0; i < n; i++) for (int j = 0; j < 64; j++) repeated[i, j] = sub[i, j];
        for (int i = 0; i < 50; i++) for (int j = 0; j < 64; j++) repeated[n + i, j] = sub[i, j];
        var weighted = new BernoulliMixture(opts).Fit(sub, w);
        var rep = new BernoulliMixture(opts).Fit(repeated);
        Approx.Equal(rep.LowerBoundHistory, weighted.LowerBoundHistory, 1e-10, "lower bound history");
        Approx.Equal(MatrixSpan.Flat(rep.Means), MatrixSpan.Flat(weighted.Means), 1e-10, "means");
    }

    [Fact]
    public void Fit_WithEveryInitMethod_ConvergesToSensibleModel()
    {
        foreach (var init in Enum.GetValues<InitMethod>().Where(i => i != InitMethod.Hierarchical))   // hc is Gaussian only
        {
            var model = new BernoulliMixture(new() { Components = 10, Init = init, Seed = 1, MaxIterations = 200, Tolerance = 1e-4 }).Fit(Binary);
            Assert.True(model.Converged, $"{init}");
            Assert.InRange(model.LowerBound, -21.0, -18.5);
            Assert.All(MatrixSpan.Flat(model.Means).ToArray(), m => Assert.InRange(m, 1e-12, 1 - 1e-12));
        }
    }

    [Fact]
    public void WarmStart_ContinuesFromPreviousFit()
    {
        var est = new BernoulliMixture(new() { Components = 4, Seed = 0, MaxIterations = 5, Tolerance = 0, WarmStart = true });
        var first = est.Fit(Binary);
        var second = est.Fit(Binary);
        Assert.True(second.LowerBoundHistory[0] >= first.LowerBoundHistory[^1] - 1e-12);
    }

    internal static double[,] InitMeans(int k)
    {
        var rng = new Random(5);
        var m = new double[k, 64];
        for (int c = 0; c < k; c++) for (int j = 0; j < 64; j++) m[c, j] = 0.2 + 0.6 * rng.NextDouble();
        return m;
    }
}
