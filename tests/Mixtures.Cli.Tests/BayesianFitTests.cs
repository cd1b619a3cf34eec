using System.Globalization;
using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// fit --bayesian (scikit-learn's BayesianGaussianMixture) end to end: the flags, the model file and --json,
/// the effective number of components, and predict, score, sample and plot on a variational model file.
/// </summary>
public class BayesianFitTests
{
    static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    static void Ok(CliResult r) => Assert.True(r.ExitCode == 0, r.ToString());

    /// <summary>The library README's example: faithful, K = 8, a Dirichlet-process prior and 5 restarts leave 2 components.</summary>
    static string FitFaithfulDp(TempDir dir, params string[] extra)
    {
        var model = dir.File("dp.json");
        Ok(Tool.Run(dir.Path, ["fit", Fixtures.Faithful, "-k", "8", "--bayesian", "dirichlet-process", "--n-init", "5", "-o", model, "--quiet", .. extra]));
        return model;
    }

    [Fact]
    public void FaithfulK8DirichletProcess_LeavesTwoEffectiveComponents_InTheSummaryJsonAndModel()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "8", "--bayesian", "dirichlet-process", "--n-init", "5", "--json", "-o", dir.File("dp.json"));
        Ok(r);
        var report = Json(r.Stdout);
        Assert.True(report.GetProperty("variational").GetBoolean());
        Assert.Equal(2, report.GetProperty("effective_components").GetInt32());
        Assert.Equal(8, report.GetProperty("n_components").GetInt32());
        Assert.False(report.TryGetProperty("bic", out _));
        Assert.False(report.TryGetProperty("aic", out _));
        var kept = report.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()).Where(w => w >= 1e-3).OrderBy(w => w).ToArray();
        Assert.Equal(2, kept.Length);
        Assert.InRange(kept[0], 0.30, 0.42); // Old Faithful's short eruptions: about 36% of the rows

        var model = Json(File.ReadAllText(dir.File("dp.json")));
        Assert.True(model.GetProperty("variational").GetBoolean());
        Assert.Equal("dirichlet_process", model.GetProperty("weight_concentration_prior_type").GetString());
        Assert.Equal(2, model.GetProperty("weight_concentration").GetArrayLength());
        Assert.Equal(8, model.GetProperty("mean_precision").GetArrayLength());
        Assert.False(model.TryGetProperty("bic", out _));

        var human = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "8", "--bayesian", "dirichlet-process", "--n-init", "5");
        Ok(human);
        Assert.Matches(@"effective components\s+2 of 8", human.Stdout);
        Assert.DoesNotContain("BIC", human.Stdout);
        Assert.Contains("(off)", human.Stdout);
    }

    [Fact]
    public void PriorFlags_ReachTheModelFile()
    {
        using var dir = new TempDir();
        var cov = dir.Write("cov.json", "[0.5, 40]");
        var model = dir.File("m.json");
        Ok(Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "4", "--bayesian", "dirichlet-distribution", "--covariance-type", "diag",
            "--weight-concentration-prior", "0.01", "--mean-precision-prior", "2", "--degrees-of-freedom-prior", "3",
            "--mean-prior", "3.5,70", "--covariance-prior", cov, "-o", model, "--quiet"));
        var m = Json(File.ReadAllText(model));
        Assert.Equal("dirichlet_distribution", m.GetProperty("weight_concentration_prior_type").GetString());
        Assert.Equal(0.01, m.GetProperty("weight_concentration_prior").GetDouble());
        Assert.Equal(2, m.GetProperty("mean_precision_prior").GetDouble());
        Assert.Equal(3, m.GetProperty("degrees_of_freedom_prior").GetDouble());
        Assert.Equal("[3.5,70]", Compact(m.GetProperty("mean_prior")));
        Assert.Contains("40", Compact(m.GetProperty("covariance_prior")));
    }

    static string Compact(JsonElement e) => JsonSerializer.Serialize(e);

    [Theory]
    [InlineData("--weight-concentration-prior", "0.5")]
    [InlineData("--mean-precision-prior", "1")]
    [InlineData("--degrees-of-freedom-prior", "3")]
    [InlineData("--mean-prior", "1,2")]
    [InlineData("--covariance-prior", "cov.json")]
    public void PriorFlagWithoutBayesian_IsRefusedInOneLine(string flag, string value)
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", flag, value, "-o", dir.File("out.json"));
        BadInput(r, flag, "--bayesian");
        Assert.False(File.Exists(dir.File("out.json")));
    }

    static void BadInput(CliResult r, params string[] fragments)
    {
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("Exception", r.Stderr);
        foreach (var f in fragments) Assert.Contains(f, r.Stderr);
    }

    [Fact]
    public void BadPriors_AreRefusedNamingTheFlagOrFile()
    {
        using var dir = new TempDir();
        var fit = new[] { "fit", Fixtures.Faithful, "-k", "3", "--bayesian", "dirichlet-process" };
        BadInput(Tool.Run(dir.Path, [.. fit, "--mean-prior", "1,2,3"]), "--mean-prior", "2 features");
        BadInput(Tool.Run(dir.Path, [.. fit, "--weight-concentration-prior", "0"]), "--weight-concentration-prior", "> 0");
        BadInput(Tool.Run(dir.Path, [.. fit, "--degrees-of-freedom-prior", "0.5"]), "--degrees-of-freedom-prior", "D - 1");
        BadInput(Tool.Run(dir.Path, [.. fit, "--covariance-prior", dir.Write("vec.json", "[1, 2]")]), "vec.json", "2 x 2 matrix");
        BadInput(Tool.Run(dir.Path, [.. fit, "--covariance-prior", dir.Write("neg.json", "[[1, 0], [0, -1]]")]), "neg.json", "positive definite");
        BadInput(Tool.Run(dir.Path, "fit", Fixtures.Faithful, "--bayesian", "dirichlet-process", "--init", Fixtures.Case("faithful_full_k2_it100")), "--init", "--bayesian");
        BadInput(Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "--family", "poisson", "--bayesian", "dirichlet-process"), "--bayesian", "gaussian");
        BadInput(Tool.Run(dir.Path, "select", Fixtures.Faithful, "--bayesian", "dirichlet-process"), "--bayesian");
    }

    [Fact]
    public void PredictScoreSampleAndPlot_WorkOnAVariationalModelFile()
    {
        using var dir = new TempDir();
        var model = FitFaithfulDp(dir);

        var predict = Tool.Run(dir.Path, "predict", model, Fixtures.Faithful, "-o", dir.File("labels.csv"));
        Ok(predict);
        var labels = File.ReadAllLines(dir.File("labels.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        Assert.Equal(272, labels.Length);
        Assert.Equal(2, labels.Select(l => l.Split(',')[0]).Distinct().Count());

        var score = Tool.Run(dir.Path, "score", model, Fixtures.Faithful, "--json");
        Ok(score);
        Assert.Contains("score", score.Stdout);

        var sample = Tool.Run(dir.Path, "sample", model, "-n", "50", "-o", dir.File("sample.csv"));
        Ok(sample);
        Assert.Equal(51, File.ReadAllLines(dir.File("sample.csv")).Count(l => l.Length > 0));

        var plot = Tool.Run(dir.Path, "plot", model, Fixtures.Faithful, "-o", dir.File("dp.png"), "--weights", dir.File("weights.png"), "--json");
        Ok(plot);
        Assert.Equal(dir.File("weights.png"), Json(plot.Stdout).GetProperty("weights_output").GetString());
        ImageAssert.Png(dir.File("dp.png"), 900, 650);
        ImageAssert.Png(dir.File("weights.png"), 900, 650);

        var svg = Tool.Run(dir.Path, "plot", model, Fixtures.Faithful, "-o", dir.File("dp.svg"), "--weights", dir.File("weights.svg"));
        Ok(svg);
        ImageAssert.Svg(dir.File("dp.svg"), 900, 650, "6 components (2, 3, 4, 5, 6, 7) with weight", "switched off, not drawn");
        ImageAssert.Svg(dir.File("weights.svg"), 900, 650, "kept: 2 of 8 components", "switched off (weight");
    }
}
