using System.Text.Json;
using Mixtures.Serialization;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Serialization;

/// <summary>The model file of a variational fit: a "gaussian" file marked variational, with the posterior and priors, without BIC/AIC.</summary>
public class BayesianModelJsonTests
{
    static BayesianGaussianMixtureModel Fit(CovarianceType type, WeightConcentrationPriorType prior) =>
        new BayesianGaussianMixture(new BayesianGaussianMixtureOptions
        {
            Components = 4, CovarianceType = type, WeightConcentrationPriorType = prior, Seed = 3, MaxIterations = 20,
        }).Fit(Fixtures.Data("data/faithful.csv"));

    [Theory]
    [InlineData(CovarianceType.Full, WeightConcentrationPriorType.DirichletProcess, "[[2,2]]", "[4]", "[2,2]")]
    [InlineData(CovarianceType.Tied, WeightConcentrationPriorType.DirichletDistribution, "[2,2]", "number", "[2,2]")]
    [InlineData(CovarianceType.Diag, WeightConcentrationPriorType.DirichletProcess, "[4,2]", "[4]", "[2]")]
    [InlineData(CovarianceType.Spherical, WeightConcentrationPriorType.DirichletDistribution, "[4]", "[4]", "number")]
    public void File_HasTheVariationalFieldsInScikitLearnShapes(CovarianceType type, WeightConcentrationPriorType prior,
        string covarianceShape, string dofShape, string priorShape)
    {
        var model = Fit(type, prior);
        using var doc = JsonDocument.Parse(MixtureModelJson.ToJson(model));
        var r = doc.RootElement;
        Assert.Equal("gaussian", r.GetProperty("family").GetString());
        Assert.True(r.GetProperty("variational").GetBoolean());
        bool process = prior == WeightConcentrationPriorType.DirichletProcess;
        Assert.Equal(process ? "dirichlet_process" : "dirichlet_distribution", r.GetProperty("weight_concentration_prior_type").GetString());
        Assert.Equal(process ? "[2,4]" : "[4]", Shape(r.GetProperty("weight_concentration")));
        Assert.Equal(covarianceShape == "[[2,2]]" ? "[4,2,2]" : covarianceShape, Shape(r.GetProperty("covariances")));
        Assert.Equal("[4]", Shape(r.GetProperty("mean_precision")));
        Assert.Equal(dofShape, Shape(r.GetProperty("degrees_of_freedom")));
        Assert.Equal(priorShape, Shape(r.GetProperty("covariance_prior")));
        Assert.Equal("[2]", Shape(r.GetProperty("mean_prior")));
        foreach (var name in new[] { "weight_concentration_prior", "mean_precision_prior", "degrees_of_freedom_prior", "lower_bound" })
            Assert.Equal(JsonValueKind.Number, r.GetProperty(name).ValueKind);
        Assert.Equal(model.LowerBound, r.GetProperty("lower_bound").GetDouble());
        Assert.False(r.TryGetProperty("bic", out _));
        Assert.False(r.TryGetProperty("aic", out _));
    }

    static string Shape(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Number) return "number";
        var dims = new List<int>();
        while (e.ValueKind == JsonValueKind.Array)
        {
            dims.Add(e.GetArrayLength());
            e = e[0];
        }
        return $"[{string.Join(",", dims)}]";
    }

    [Fact]
    public void PlainGaussianFile_StaysPlain_AndAFileMarkedNotVariationalReadsAsItsPointEstimate()
    {
        var x = Fixtures.Data("data/faithful.csv");
        var plain = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 1 }).Fit(x);
        string plainJson = MixtureModelJson.ToJson(plain);
        Assert.DoesNotContain("variational", plainJson);
        Assert.IsNotType<BayesianGaussianMixtureModel>(MixtureModelJson.FromJson(plainJson));

        var model = Fit(CovarianceType.Full, WeightConcentrationPriorType.DirichletProcess);
        var point = MixtureModelJson.FromJson(MixtureModelJson.ToJson(model).Replace("\"variational\": true", "\"variational\": false"));
        var gaussian = Assert.IsType<GaussianMixtureModel>(point);
        Assert.Equal(model.Weights, gaussian.Weights);
        Assert.Equal(model.CovariancesRaw, gaussian.CovariancesRaw);
    }

    [Theory]
    [InlineData("\"mean_precision\": [", "\"mean_precision\": [-1, ", "mean_precision")]
    [InlineData("\"weight_concentration_prior_type\": \"dirichlet_process\"", "\"weight_concentration_prior_type\": \"pitman_yor\"", "pitman_yor")]
    [InlineData("\"degrees_of_freedom_prior\": 2", "\"degrees_of_freedom_prior\": 0.5", "degrees_of_freedom_prior")]
    public void CorruptedVariationalFields_AreRefusedByName(string find, string replace, string named)
    {
        string json = MixtureModelJson.ToJson(Fit(CovarianceType.Full, WeightConcentrationPriorType.DirichletProcess));
        Assert.Contains(find, json);
        string bad = json.Replace(find, replace);
        if (find.StartsWith("\"mean_precision\"")) bad = RemoveLastOf(bad, "mean_precision");
        var ex = Assert.Throws<MixtureFormatException>(() => MixtureModelJson.FromJson(bad, "m.json"));
        Assert.Contains(named, ex.Message);
    }

    /// <summary>Keeps the array length right after one value was prepended: drops the array's last value.</summary>
    static string RemoveLastOf(string json, string field)
    {
        int start = json.IndexOf($"\"{field}\": [", StringComparison.Ordinal);
        int end = json.IndexOf(']', start);
        int comma = json.LastIndexOf(',', end);
        return json[..comma] + json[end..].TrimStart();
    }
}
