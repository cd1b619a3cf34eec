using Mixtures.Internal;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Gaussian;

/// <summary>Every Gaussian case of shared/reference (scikit-learn 1.2.1), reproduced number for number.</summary>
public class ReferenceCaseTests
{
    const double Rtol = 1e-6;

    public static TheoryData<string> Cases() => new(Fixtures.CaseNames(Fixtures.IsGaussian));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_FromReferenceInit_ReproducesScikitLearn(string name)
    {
        var c = Fixtures.Case(name);
        var x = Fixtures.Data(c.GetProperty("data").GetString()!);
        var model = new GaussianMixture(Fixtures.Options(c)).Fit(x);
        var e = c.GetProperty("expected");

        Assert.Equal(e.GetProperty("n_iter").GetInt32(), model.Iterations);
        Assert.Equal(e.GetProperty("converged").GetBoolean(), model.Converged);
        Approx.Equal(Fixtures.Flat(e.GetProperty("weights")), model.Weights, Rtol, "weights");
        Approx.Equal(Fixtures.Flat(e.GetProperty("means")), MatrixSpan.Flat(model.Means), Rtol, "means");
        Approx.Equal(Fixtures.Flat(e.GetProperty("covariances")), model.CovariancesRaw, Rtol, "covariances");
        Approx.Equal(Fixtures.Flat(e.GetProperty("precisions_cholesky")), model.PrecisionsCholeskyRaw, Rtol, "precisions_cholesky");
        Approx.Equal(e.GetProperty("lower_bound").GetDouble(), model.LowerBound, Rtol, "lower_bound");
        Approx.Equal(e.GetProperty("score").GetDouble(), model.Score(x), Rtol, "score");
        Approx.Equal(e.GetProperty("bic").GetDouble(), model.Bic(x), Rtol, "bic");
        Approx.Equal(e.GetProperty("aic").GetDouble(), model.Aic(x), Rtol, "aic");
        Approx.Equal(e.GetProperty("bic").GetDouble(), model.TrainingBic, Rtol, "training bic");

        var head = model.ScoreSamples(x)[..10];
        Approx.Equal(Fixtures.Flat(e.GetProperty("score_samples_head")), head, Rtol, "score_samples_head");
        var proba = MatrixSpan.Flat(model.PredictProba(x))[..(10 * model.Components)].ToArray();
        Approx.Equal(Fixtures.Flat(e.GetProperty("predict_proba_head")), proba, Rtol, "predict_proba_head");
        var expectedLabels = Fixtures.Flat(e.GetProperty("predict")).Select(v => (int)v).ToArray();
        Assert.Equal(expectedLabels, model.Predict(x));
    }
}
