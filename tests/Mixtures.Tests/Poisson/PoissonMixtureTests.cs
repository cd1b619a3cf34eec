using Mixtures.Internal;
using Mixtures.Internal.Poisson;
using Mixtures.Serialization;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Poisson;

public class PoissonMixtureTests
{
    static double[,] Counts => Fixtures.Data("data/digits.csv");

    [Theory]
    [InlineData(-1.0, "negative")]
    [InlineData(2.5, "not an integer")]
    public void Fit_WithBadCounts_ThrowsNamingRowColumnAndValue(double bad, string what)
    {
        var x = new double[,] { { 0, 3 }, { 1, 0 }, { 4, bad } };
        var e = Assert.Throws<ArgumentException>(() => new PoissonMixture(new PoissonMixtureOptions()).Fit(x));
        Assert.Contains("Row 2, column 1", e.Message);
        Assert.Contains(what, e.Message);
    }

    [Fact]
    public void Predict_WithBadCounts_Throws()
    {
        var model = PoissonMixtureModel.FromParameters([1.0], new double[,] { { 1, 2 } });
        Assert.Throws<ArgumentException>(() => model.Predict(new double[,] { { 1, -2 } }));
        Assert.Throws<ArgumentException>(() => model.Score(new double[,] { { 0.5, 2 } }));
    }

    [Fact]
    public void Options_WithBadMinRate_ThrowNamingIt()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new PoissonMixture(new PoissonMixtureOptions { MinRate = -1 }));
        Assert.Contains("MinRate", e.Message);
    }

    [Fact]
    public void FromParameters_WithNonPositiveRate_Throws() =>
        Assert.Throws<ArgumentException>(() => PoissonMixtureModel.FromParameters([1.0], new double[,] { { 0, 2 } }));

    [Fact]
    public void ScoreSamples_EqualsNaiveLogLikelihood()
    {
        var model = PoissonMixtureModel.FromParameters([0.3, 0.7], new double[,] { { 0.5, 4, 20 }, { 3, 0.1, 15 } });
        var x = new double[,] { { 0, 3, 18 }, { 5, 0, 1100 }, { 2, 1, 0 } };
        var s = model.ScoreSamples(x);
        for (int i = 0; i < 3; i++)
        {
            var lp = new double[2];
            for (int k = 0; k < 2; k++)
            {
                lp[k] = Math.Log(model.Weights[k]);
                for (int j = 0; j < 3; j++)
                {
                    double lam = model.Rates[k, j], v = x[i, j], lf = 0;
                    for (int t = 2; t <= v; t++) lf += Math.Log(t);
                    lp[k] += v * Math.Log(lam) - lam - lf;
                }
            }
            // log-sum-exp shifted by the row's maximum, so it stays finite however far from 0 the row's
            // log-probabilities are (row 1's are about -3350 and -3650, where exp underflows to 0)
            double max = lp.Max(), total = 0;
            foreach (double l in lp) total += Math.Exp(l - max);
            Approx.Equal(max + Math.Log(total), s[i], 1e-10, $"row {i}");
        }
    }

    [Fact]
    public void LogFactorial_MatchesSumOfLogs_AcrossTableAndStirling()
    {
        double s = 0;
        for (int n = 1; n <= 5000; n++)
        {
            s += Math.Log(n);
            Approx.Equal(s, LogFactorial.Of(n), 1e-13, $"ln {n}!");
        }
        Assert.Equal(0, LogFactorial.Of(0));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(4.0)]
    [InlineData(9.99)]
    [InlineData(10.0)]
    [InlineData(55.0)]
    [InlineData(3000.0)]
    public void Sampler_HasPoissonMeanAndVariance(double rate)
    {
        var rng = new Random(11);
        const int n = 40000;
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++)
        {
            double v = PoissonSampler.Next(rng, rate);
            Assert.True(v >= 0 && v == Math.Floor(v));
            sum += v;
            sq += v * v;
        }
        double mean = sum / n, variance = sq / n - mean * mean;
        Assert.InRange(mean, rate - 5 * Math.Sqrt(rate / n), rate + 5 * Math.Sqrt(rate / n));
        Assert.InRange(variance / rate, 0.95, 1.05);
    }

    [Fact]
    public void SaveLoad_RoundTrip_GivesIdenticalModel()
    {
        var model = new PoissonMixture(new PoissonMixtureOptions { Components = 4, Seed = 0, MaxIterations = 20, MinRate = 1e-3 }).Fit(Counts);
        string json = MixtureModelJson.ToJson(model);
        Assert.Contains("\"family\": \"poisson\"", json);
        var back = Assert.IsType<PoissonMixtureModel>(MixtureModelJson.FromJson(json));
        Assert.Equal(model.Rates, back.Rates);
        Assert.Equal(model.Weights, back.Weights);
        Assert.Equal(1e-3, back.MinRate);
        Assert.Equal(model.ScoreSamples(Counts), back.ScoreSamples(Counts));
        Assert.Equal(json, MixtureModelJson.ToJson(back));
    }

    [Fact]
    public void Fit_OfSampledKnownMixture_RecoversRates()
    {
        var truth = PoissonMixtureModel.FromParameters([0.4, 0.6], new double[,] { { 2, 30, 0.5 }, { 15, 1, 8 } });
        var x = truth.Sample(5000, 3).Points;
        var model = new PoissonMixture(new PoissonMixtureOptions { Components = 2, Seed = 0, Tolerance = 1e-8, MaxIterations = 500 }).Fit(x);
        int a = model.Rates[0, 0] < model.Rates[1, 0] ? 0 : 1;
        Assert.InRange(model.Weights[a], 0.37, 0.43);
        for (int j = 0; j < 3; j++)
        {
            Assert.InRange(model.Rates[a, j] / truth.Rates[0, j], 0.9, 1.1);
            Assert.InRange(model.Rates[1 - a, j] / truth.Rates[1, j], 0.9, 1.1);
        }
    }

    [Fact]
    public void Fit_OnOneOrManyThreads_IsBitIdentical()
    {
        var options = new PoissonMixtureOptions { Components = 6, Seed = 2, MaxIterations = 15, Tolerance = 0 };
        var one = new PoissonMixture(options with { MaxDegreeOfParallelism = 1 }).Fit(Counts);
        var many = new PoissonMixture(options with { MaxDegreeOfParallelism = 8 }).Fit(Counts);
        Assert.Equal(one.LowerBoundHistory, many.LowerBoundHistory);
        Assert.Equal(one.Rates, many.Rates);
        Assert.Equal(MatrixSpan.Flat(one.PredictProba(Counts)).ToArray(), MatrixSpan.Flat(many.PredictProba(Counts)).ToArray());
    }
}
