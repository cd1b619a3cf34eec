using System.Text.Json;
using Mixtures.Internal;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Gaussian;

/// <summary>
/// Every variational case of shared/reference (scikit-learn 1.2.1's BayesianGaussianMixture from its
/// init_labels), reproduced number for number: parameters, posterior, bound history, n_iter, converged,
/// labels and the variational scores.
/// </summary>
public class BayesianReferenceCaseTests
{
    const double Rtol = 1e-6;

    public static TheoryData<string> Cases() => new(Fixtures.CaseNames(Fixtures.IsVariational));

    /// <summary>The case's options; m0 and P0 from the data (their defaults) unless <paramref name="explicitPriors"/>.</summary>
    static BayesianGaussianMixtureOptions Options(JsonElement c, bool explicitPriors)
    {
        var p = c.GetProperty("params");
        var type = Fixtures.ParseCovariance(p.GetProperty("covariance_type").GetString()!);
        var prior = p.GetProperty("covariance_prior");
        return new BayesianGaussianMixtureOptions
        {
            Components = p.GetProperty("n_components").GetInt32(),
            CovarianceType = type,
            WeightConcentrationPriorType = p.GetProperty("weight_concentration_prior_type").GetString() == "dirichlet_process"
                ? WeightConcentrationPriorType.DirichletProcess : WeightConcentrationPriorType.DirichletDistribution,
            WeightConcentrationPrior = p.GetProperty("weight_concentration_prior").GetDouble(),
            MeanPrecisionPrior = p.GetProperty("mean_precision_prior").GetDouble(),
            DegreesOfFreedomPrior = p.GetProperty("degrees_of_freedom_prior").GetDouble(),
            MeanPrior = explicitPriors ? Fixtures.Flat(p.GetProperty("mean_prior")) : null,
            CovariancePrior = !explicitPriors ? null
                : prior.ValueKind == JsonValueKind.Number ? new double[,] { { prior.GetDouble() } }
                : prior[0].ValueKind == JsonValueKind.Array ? Fixtures.Matrix(prior)
                : MatrixSpan.ToMatrix(Fixtures.Flat(prior), 1, prior.GetArrayLength()),
            Tolerance = p.GetProperty("tol").GetDouble(),
            RegCovar = p.GetProperty("reg_covar").GetDouble(),
            MaxIterations = p.GetProperty("max_iter").GetInt32(),
            NInit = p.GetProperty("n_init").GetInt32(),
            InitialLabels = Fixtures.Flat(c.GetProperty("init_labels")).Select(v => (int)v).ToArray(),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_FromInitLabels_ReproducesScikitLearn(string name)
    {
        var c = Fixtures.Case(name);
        var x = Fixtures.Data(c.GetProperty("data").GetString()!);
        var model = new BayesianGaussianMixture(Options(c, explicitPriors: false)).Fit(x);
        Check(c, x, model);
        var p = c.GetProperty("params");
        Approx.Equal(Fixtures.Flat(p.GetProperty("mean_prior")), model.MeanPrior, 1e-12, "default mean_prior");
        Approx.Equal(Fixtures.Flat(p.GetProperty("covariance_prior")), MatrixSpan.Flat(model.CovariancePrior), 1e-12, "default covariance_prior");
    }

    /// <summary>Passing the priors the fit used explicitly gives the same fit (digits: scikit-learn refuses its own zero variances, so do we).</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_WithExplicitPriors_ReproducesScikitLearn(string name)
    {
        var c = Fixtures.Case(name);
        var x = Fixtures.Data(c.GetProperty("data").GetString()!);
        var options = Options(c, explicitPriors: true);
        if (name.Contains("digits"))
        {
            var ex = Assert.Throws<ArgumentException>(() => new BayesianGaussianMixture(options).Fit(x));
            Assert.Contains("CovariancePrior must be positive", ex.Message);
            return;
        }
        Check(c, x, new BayesianGaussianMixture(options).Fit(x));
    }

    static void Check(JsonElement c, double[,] x, BayesianGaussianMixtureModel model)
    {
        var e = c.GetProperty("expected");
        Approx.Equal(Fixtures.Flat(e.GetProperty("lower_bound_history")), model.LowerBoundHistory, Rtol, "lower_bound_history");
        Assert.Equal(e.GetProperty("n_iter").GetInt32(), model.Iterations);
        Assert.Equal(e.GetProperty("converged").GetBoolean(), model.Converged);
        Approx.Equal(e.GetProperty("lower_bound").GetDouble(), model.LowerBound, Rtol, "lower_bound");
        Approx.Equal(Fixtures.Flat(e.GetProperty("weights")), model.Weights, Rtol, "weights");
        Approx.Equal(Fixtures.Flat(e.GetProperty("means")), MatrixSpan.Flat(model.Means), Rtol, "means");
        Approx.Equal(Fixtures.Flat(e.GetProperty("covariances")), model.CovariancesRaw, Rtol, "covariances");
        Approx.Equal(Fixtures.Flat(e.GetProperty("precisions_cholesky")), model.PrecisionsCholeskyRaw, Rtol, "precisions_cholesky");
        Approx.Equal(Fixtures.Flat(e.GetProperty("weight_concentration")), MatrixSpan.Flat(model.WeightConcentration), Rtol, "weight_concentration");
        Approx.Equal(Fixtures.Flat(e.GetProperty("mean_precision")), model.MeanPrecision, Rtol, "mean_precision");
        var dof = Fixtures.Flat(e.GetProperty("degrees_of_freedom"));
        Approx.Equal(dof, dof.Length == 1 ? model.DegreesOfFreedom[..1] : model.DegreesOfFreedom, Rtol, "degrees_of_freedom");

        Approx.Equal(e.GetProperty("score").GetDouble(), model.Score(x), Rtol, "score");
        Approx.Equal(e.GetProperty("score").GetDouble(), model.TrainingScore, Rtol, "training score");
        Approx.Equal(Fixtures.Flat(e.GetProperty("score_samples_head")), model.ScoreSamples(x)[..10], Rtol, "score_samples_head");
        var proba = MatrixSpan.Flat(model.PredictProba(x))[..(10 * model.Components)].ToArray();
        var expectedProba = Fixtures.Flat(e.GetProperty("predict_proba_head"));
        for (int i = 0; i < proba.Length; i++)
            Assert.True(Math.Abs(proba[i] - expectedProba[i]) <= 1e-9 + Rtol * expectedProba[i], $"predict_proba_head[{i}]: expected {expectedProba[i]:R}, got {proba[i]:R}");
        var expectedLabels = Fixtures.Flat(e.GetProperty("predict")).Select(v => (int)v).ToArray();
        Assert.Equal(expectedLabels, model.Predict(x));
        Assert.True(double.IsNaN(model.TrainingBic) && double.IsNaN(model.Bic(x)), "BIC does not apply to a variational fit.");
    }
}
