using System.Text.Json;
using Mixtures.Internal;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Bernoulli;

/// <summary>Loading and checking the Bernoulli and Poisson reference cases (plain numpy EM, see fixtures/README.md).</summary>
public static class MeanCases
{
    public const double Rtol = 1e-6;

    public static bool IsFamily(JsonElement c, string family) => c.TryGetProperty("family", out var f) && f.GetString() == family;

    public static BernoulliMixtureOptions BernoulliOptions(JsonElement c)
    {
        var p = c.GetProperty("params");
        var init = c.GetProperty("init");
        return new BernoulliMixtureOptions
        {
            Components = p.GetProperty("n_components").GetInt32(),
            Tolerance = p.GetProperty("tol").GetDouble(),
            MaxIterations = p.GetProperty("max_iter").GetInt32(),
            NInit = p.GetProperty("n_init").GetInt32(),
            Alpha = p.GetProperty("alpha").GetDouble(),
            InitialWeights = Fixtures.Flat(init.GetProperty("weights")),
            InitialMeans = Fixtures.Matrix(init.GetProperty("means")),
            Seed = 0,
        };
    }

    public static PoissonMixtureOptions PoissonOptions(JsonElement c)
    {
        var p = c.GetProperty("params");
        var init = c.GetProperty("init");
        return new PoissonMixtureOptions
        {
            Components = p.GetProperty("n_components").GetInt32(),
            Tolerance = p.GetProperty("tol").GetDouble(),
            MaxIterations = p.GetProperty("max_iter").GetInt32(),
            NInit = p.GetProperty("n_init").GetInt32(),
            MinRate = p.GetProperty("reg").GetDouble(),
            InitialWeights = Fixtures.Flat(init.GetProperty("weights")),
            InitialMeans = Fixtures.Matrix(init.GetProperty("means")),
            Seed = 0,
        };
    }

    /// <summary>Every expected number of a case against a fitted model.</summary>
    public static void AssertMatches(JsonElement c, IMixtureModel model, double[,] x, double trainingBic)
    {
        var e = c.GetProperty("expected");
        Assert.Equal(e.GetProperty("n_iter").GetInt32(), model.Iterations);
        Assert.Equal(e.GetProperty("converged").GetBoolean(), model.Converged);
        Approx.Equal(Fixtures.Flat(e.GetProperty("weights")), model.Weights, Rtol, "weights");
        Approx.Equal(Fixtures.Flat(e.GetProperty("means")), MatrixSpan.Flat(model.Means), Rtol, "means");
        Approx.Equal(e.GetProperty("lower_bound").GetDouble(), model.LowerBound, Rtol, "lower_bound");
        Approx.Equal(Fixtures.Flat(e.GetProperty("lower_bound_history")), model.LowerBoundHistory, Rtol, "lower_bound_history");
        Approx.Equal(e.GetProperty("score").GetDouble(), model.Score(x), Rtol, "score");
        Approx.Equal(e.GetProperty("bic").GetDouble(), model.Bic(x), Rtol, "bic");
        Approx.Equal(e.GetProperty("aic").GetDouble(), model.Aic(x), Rtol, "aic");
        Approx.Equal(e.GetProperty("bic").GetDouble(), trainingBic, Rtol, "training bic");
        Approx.Equal(Fixtures.Flat(e.GetProperty("score_samples_head")), model.ScoreSamples(x)[..10], Rtol, "score_samples_head");
        var proba = MatrixSpan.Flat(model.PredictProba(x))[..(10 * model.Components)].ToArray();
        Approx.Equal(Fixtures.Flat(e.GetProperty("predict_proba_head")), proba, Rtol, "predict_proba_head");
        var expectedLabels = Fixtures.Flat(e.GetProperty("predict")).Select(v => (int)v).ToArray();
        Assert.Equal(expectedLabels, model.Predict(x));
    }
}
