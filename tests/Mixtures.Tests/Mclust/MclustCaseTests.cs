using Mixtures.Internal;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Mclust;

/// <summary>
/// mclust 6.0.0's fixed-partition cases (shared/reference, "mclust models"): every covariance model from
/// the same starting partition, under mclust's stop rule without regularization.
/// </summary>
public class MclustCaseTests
{
    const double Rtol = 1e-6;

    public static TheoryData<string> Cases() =>
        new(Fixtures.CaseNames(c => Fixtures.IsMclust(c) && c.TryGetProperty("init_labels", out _)));

    internal static GaussianMixtureOptions Options(string model, int k, int[] labels) => new()
    {
        Components = k,
        CovarianceType = Enum.Parse<CovarianceType>(model),
        RegCovar = 0,
        StopRule = StopRule.Mclust,
        MaxIterations = int.MaxValue,
        Degenerate = DegenerateHandling.Throw,
        StartLabels = labels,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_FromInitialPartition_ReproducesMclust(string name)
    {
        var c = Fixtures.Case(name);
        var x = Fixtures.Data(c.GetProperty("data").GetString()!);
        int k = c.GetProperty("n_components").GetInt32();
        var labels = Fixtures.Flat(c.GetProperty("init_labels")).Select(v => (int)v).ToArray();
        var model = new GaussianMixture(Options(c.GetProperty("model").GetString()!, k, labels)).Fit(x);
        var e = c.GetProperty("expected");

        Assert.Equal(e.GetProperty("n_iter").GetInt32(), model.Iterations);
        Assert.Equal(e.GetProperty("n_parameters").GetInt32(), model.ParameterCount);
        Approx.Equal(Fixtures.Flat(e.GetProperty("weights")), model.Weights, Rtol, "weights");
        Approx.Equal(Fixtures.Flat(e.GetProperty("means")), MatrixSpan.Flat(model.Means), Rtol, "means");
        Approx.Equal(Fixtures.Flat(e.GetProperty("covariances")), MatrixSpan.Flat(model.Covariances), Rtol, "covariances");
        Approx.Equal(e.GetProperty("loglik").GetDouble(), model.TrainingScore * x.GetLength(0), Rtol, "loglik");
        Approx.Equal(-e.GetProperty("bic").GetDouble(), model.TrainingBic, Rtol, "bic");
        var proba = MatrixSpan.Flat(model.PredictProba(x))[..(10 * k)].ToArray();
        Approx.Equal(Fixtures.Flat(e.GetProperty("z_head")), proba, Rtol, "z_head");
        Assert.Equal(Fixtures.Flat(e.GetProperty("classification")).Select(v => (int)v).ToArray(), model.Predict(x));
    }
}
