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
        Approx.Equal(e.GetProperty("loglik").GetDouble(), model.Loglik, Rtol, "loglik");
        // mclust's BIC and ICL are larger-is-better: the negatives of scikit-learn's sign used here.
        Approx.Equal(-e.GetProperty("bic").GetDouble(), model.TrainingBic, Rtol, "bic");
        Approx.Equal(-e.GetProperty("icl").GetDouble(), model.TrainingIcl, Rtol, "training icl");
        Approx.Equal(-e.GetProperty("icl").GetDouble(), model.Icl(x), Rtol, "icl");
        var proba = MatrixSpan.Flat(model.PredictProba(x))[..(10 * k)].ToArray();
        Approx.Equal(Fixtures.Flat(e.GetProperty("z_head")), proba, Rtol, "z_head");
        var zHead = Fixtures.Matrix(e.GetProperty("z_head"));
        var uncertainty = model.Uncertainty(x);
        for (int i = 0; i < 10; i++)
            Assert.Equal(1 - Enumerable.Range(0, k).Max(j => zHead[i, j]), uncertainty[i], 1e-9);
        Assert.Equal(Fixtures.Flat(e.GetProperty("classification")).Select(v => (int)v).ToArray(), model.Predict(x));
    }

    [Fact]
    public void ModelFile_OfMclustModel_HoldsFullMatricesIclAndLoglik_AndRoundTrips()
    {
        var c = Fixtures.Case("mclust_faithful_VEV_G3");
        var x = Fixtures.Data("data/faithful.csv");
        var labels = Fixtures.Flat(c.GetProperty("init_labels")).Select(v => (int)v).ToArray();
        var model = new GaussianMixture(Options("VEV", 3, labels)).Fit(x);
        string json = Mixtures.Serialization.MixtureModelJson.ToJson(model);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("VEV", root.GetProperty("covariance_type").GetString());
        Assert.Equal(3, root.GetProperty("covariances").GetArrayLength());
        Assert.Equal(2, root.GetProperty("covariances")[0].GetArrayLength());
        Assert.Equal(2, root.GetProperty("precisions_cholesky")[0][0].GetArrayLength());
        Assert.Equal(model.Loglik, root.GetProperty("loglik").GetDouble());
        Assert.Equal(model.TrainingIcl, root.GetProperty("icl").GetDouble());
        var back = (GaussianMixtureModel)Mixtures.Serialization.MixtureModelJson.FromJson(json);
        Assert.Equal(json, Mixtures.Serialization.MixtureModelJson.ToJson(back));
        Assert.Equal(model.Predict(x), back.Predict(x));
    }
}
