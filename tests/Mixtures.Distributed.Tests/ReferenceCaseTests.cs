using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mixtures.Data;
using Mixtures.Serialization;

namespace Mixtures.Distributed.Tests;

/// <summary>
/// The reference cases of every family (scikit-learn's Gaussian and variational fits, Bernoulli, Poisson: the
/// fixtures of tests/Mixtures.Tests) fitted on the three silos and in this process with the cases' options and
/// starting points: the two models are the same bits. (Their agreement with the references themselves is
/// Mixtures.Tests' business.)
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ReferenceCaseTests(ClusterFixture fixture)
{
    static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        // Every family and covariance type on the small data sets; the digits and blobs Gaussian cases only
        // repeat them at a cost the CI budget does not have (BitIdenticalFitTests covers larger N).
        foreach (var f in Directory.GetFiles(Path.Combine(Root, "cases"), "*.json").Order(StringComparer.Ordinal))
        {
            string n = Path.GetFileNameWithoutExtension(f);
            if (n.StartsWith("mclust", StringComparison.Ordinal)) continue;
            if (n.Contains("bernoulli_k10") || n.Contains("poisson") || !(n.Contains("digits") || n.Contains("blobs5"))) data.Add(n);
        }
        return data;
    }

    static double[,] Csv(string relative)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, relative)).Skip(1).Where(l => l.Length > 0).ToArray();
        var rows = lines.Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var m = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[0].Length; j++) m[i, j] = rows[i][j];
        return m;
    }

    static double[,] Matrix(JsonElement e)
    {
        int r = e.GetArrayLength(), c = e[0].GetArrayLength();
        var m = new double[r, c];
        for (int i = 0; i < r; i++)
            for (int j = 0; j < c; j++) m[i, j] = e[i][j].GetDouble();
        return m;
    }

    [GeneratedRegex("\"fit_seconds\":\\s*[-+0-9.eE]+")]
    private static partial Regex FitSeconds();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cluster_fit_is_the_local_fit(string name)
    {
        var c = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "cases", name + ".json"))).RootElement;
        var p = c.GetProperty("params");
        var rows = new ArrayRowSource(Csv(c.GetProperty("data").GetString()!), null);
        double? Num(string key) => p.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
        var init = c.TryGetProperty("init", out var i) && i.ValueKind == JsonValueKind.Object ? i : (JsonElement?)null;
        int[]? labels = c.TryGetProperty("init_labels", out var l) ? l.EnumerateArray().Select(x => x.GetInt32()).ToArray() : null;
        var common = new MixtureOptions
        {
            Components = p.GetProperty("n_components").GetInt32(),
            MaxIterations = p.GetProperty("max_iter").GetInt32(),
            Tolerance = Num("tol") ?? 1e-3,
            Seed = 0,
            InitialWeights = init?.GetProperty("weights").EnumerateArray().Select(x => x.GetDouble()).ToArray(),
            InitialMeans = init is { } ii ? Matrix(ii.GetProperty("means")) : null,
            InitialLabels = labels,
        };
        var type = p.TryGetProperty("covariance_type", out var t) && CovarianceTypes.TryParse(t.GetString()!, out var ct) ? ct : CovarianceType.Full;
        string family = c.TryGetProperty("family", out var fam) ? fam.GetString()! : "gaussian";
        bool variational = c.TryGetProperty("variational", out var v) && v.GetBoolean();
        Func<IRowSource, IMixtureModel> fit = (family, variational) switch
        {
            ("bernoulli", _) => r => new BernoulliMixture(new BernoulliMixtureOptions(common) { Alpha = Num("alpha") ?? 0.01 }).Fit(r),
            ("poisson", _) => r => new PoissonMixture(new PoissonMixtureOptions(common)).Fit(r),
            (_, true) => r => new BayesianGaussianMixture(new BayesianGaussianMixtureOptions(common)
            {
                CovarianceType = type,
                RegCovar = Num("reg_covar") ?? 1e-6,
                WeightConcentrationPriorType = p.GetProperty("weight_concentration_prior_type").GetString() == "dirichlet_process"
                    ? WeightConcentrationPriorType.DirichletProcess : WeightConcentrationPriorType.DirichletDistribution,
                WeightConcentrationPrior = Num("weight_concentration_prior"),
                MeanPrecisionPrior = Num("mean_precision_prior"),
                DegreesOfFreedomPrior = Num("degrees_of_freedom_prior"),
            }).Fit(r),
            _ => r => new GaussianMixture(new GaussianMixtureOptions(common) { CovarianceType = type, RegCovar = Num("reg_covar") ?? 1e-6 }).Fit(r),
        };
        var local = fit(rows);
        var remote = fixture.Mixtures.Fit(ClusterFixture.Register("case-" + name, rows), () => fit(rows));
        Assert.Equal(FitSeconds().Replace(MixtureModelJson.ToJson(local), ""), FitSeconds().Replace(MixtureModelJson.ToJson(remote.Model), ""));
        Assert.True(remote.Report.Passes >= local.Iterations && remote.Report.Nodes >= 1 && remote.Report.Retries == 0);
    }
}
