using System.Globalization;
using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>fit, predict, score and sample write well-formed outputs; --json prints one JSON document.</summary>
public class VerbOutputTests : IClassFixture<VerbOutputTests.FaithfulModel>
{
    /// <summary>One fitted Old Faithful model shared by the tests of this class.</summary>
    public sealed class FaithfulModel : IDisposable
    {
        public FaithfulModel()
        {
            Fit = Tool.Run(Dir.Path, "fit", Fixtures.Faithful, "-k", "2", "--seed", "0", "-o", Path, "--json");
        }

        public TempDir Dir { get; } = new();
        public string Path => Dir.File("faithful.json");
        public CliResult Fit { get; }

        public void Dispose() => Dir.Dispose();
    }

    private readonly FaithfulModel _model;

    public VerbOutputTests(FaithfulModel model)
    {
        _model = model;
        Assert.True(model.Fit.ExitCode == 0, model.Fit.ToString());
    }

    [Fact]
    public void Fit_Json_PrintsSummaryAndWritesModelWithEveryField()
    {
        using var summary = JsonDocument.Parse(_model.Fit.Stdout);
        var s = summary.RootElement;
        Assert.Equal(2, s.GetProperty("n_components").GetInt32());
        Assert.Equal(2, s.GetProperty("weights").GetArrayLength());
        Assert.True(s.GetProperty("converged").GetBoolean());
        foreach (var f in new[] { "n_iter", "lower_bound", "bic", "aic", "fit_seconds", "reseeds", "means" })
            Assert.True(s.TryGetProperty(f, out _), $"summary lacks {f}");

        using var model = JsonDocument.Parse(File.ReadAllText(_model.Path));
        var m = model.RootElement;
        foreach (var f in new[] { "format_version", "family", "covariance_type", "n_components", "n_features", "feature_names",
                     "weights", "means", "covariances", "precisions_cholesky", "lower_bound", "lower_bound_history",
                     "n_iter", "converged", "bic", "aic", "fit_seconds" })
            Assert.True(m.TryGetProperty(f, out _), $"model JSON lacks {f}");
        Assert.Equal("gaussian", m.GetProperty("family").GetString());
        Assert.Equal(["eruptions", "waiting"], m.GetProperty("feature_names").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Fit_HumanSummary_ShowsWeightsMeansAndNumbers()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "--seed", "0");
        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (var word in new[] { "weight", "mean eruptions", "converged", "iterations", "lower bound", "BIC", "AIC", "seconds", "reseeds" })
            Assert.Contains(word, r.Stdout);
        Assert.Empty(dir.Files());
    }

    [Fact]
    public void Predict_WritesComponentColumnOneRowPerDataRow()
    {
        using var dir = new TempDir();
        var outPath = dir.File("labels.csv");
        var r = Tool.Run(dir.Path, "predict", _model.Path, Fixtures.Faithful, "-o", outPath);
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = File.ReadAllLines(outPath);
        Assert.Equal("component", lines[0]);
        Assert.Equal(273, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains(int.Parse(l, CultureInfo.InvariantCulture), new[] { 0, 1 }));
        Assert.Equal(2, lines.Skip(1).Distinct().Count());
    }

    [Fact]
    public void PredictProba_WritesProbabilitiesThatSumToOne()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "predict", _model.Path, Fixtures.Faithful, "--proba");
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("component,p0,p1", lines[0]);
        Assert.Equal(273, lines.Length);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var p = cells.Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(1.0, p.Sum(), 10);
            Assert.Equal(int.Parse(cells[0], CultureInfo.InvariantCulture), Array.IndexOf(p, p.Max()));
        }
    }

    [Fact]
    public void Score_JsonAndPerSample_AgreeAndCountRows()
    {
        using var dir = new TempDir();
        var per = dir.File("ll.csv");
        var r = Tool.Run(dir.Path, "score", _model.Path, Fixtures.Faithful, "--json", "--per-sample", per);
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        double score = doc.RootElement.GetProperty("score").GetDouble();
        Assert.Equal(272, doc.RootElement.GetProperty("n_samples").GetInt32());
        var lines = File.ReadAllLines(per);
        Assert.Equal("log_likelihood", lines[0]);
        var values = lines.Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(272, values.Length);
        Assert.Equal(score, values.Average(), 9);
        Assert.InRange(score, -4.3, -4.0);

        var plain = Tool.Run(dir.Path, "score", _model.Path, Fixtures.Faithful);
        Assert.Equal(score, double.Parse(plain.Stdout.Trim(), CultureInfo.InvariantCulture), 12);
    }

    [Fact]
    public void Sample_WritesFeatureNamesAndComponent_SameSeedSameRows()
    {
        using var dir = new TempDir();
        var a = dir.File("a.csv");
        var b = dir.File("b.csv");
        Assert.Equal(0, Tool.Run(dir.Path, "sample", _model.Path, "-n", "500", "--seed", "7", "-o", a).ExitCode);
        Assert.Equal(0, Tool.Run(dir.Path, "sample", _model.Path, "-n", "500", "--seed", "7", "-o", b, "--quiet").ExitCode);
        var lines = File.ReadAllLines(a);
        Assert.Equal("eruptions,waiting,component", lines[0]);
        Assert.Equal(501, lines.Length);
        Assert.Equal(lines, File.ReadAllLines(b));
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            Assert.Equal(3, cells.Length);
            Assert.True(double.IsFinite(double.Parse(cells[0], CultureInfo.InvariantCulture)));
            Assert.Contains(int.Parse(cells[2], CultureInfo.InvariantCulture), new[] { 0, 1 });
        }
    }

    [Fact]
    public void Sample_Json_PrintsPointsWhenNoOutputFile()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "sample", _model.Path, "-n", "10", "--seed", "1", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(10, doc.RootElement.GetProperty("points").GetArrayLength());
        Assert.Equal(10, doc.RootElement.GetProperty("components").GetArrayLength());
    }

    [Fact]
    public void Predict_OnColumnsInAnotherOrder_PicksTheModelsColumnsByName()
    {
        using var dir = new TempDir();
        var swapped = dir.Write("swapped.csv", "waiting,extra,eruptions\n79,1,3.6\n54,1,1.8\n");
        var r = Tool.Run(dir.Path, "predict", _model.Path, swapped, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var labels = doc.RootElement.GetProperty("components").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        Assert.NotEqual(labels[0], labels[1]);
    }
}
