using System.Globalization;
using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// The digits reference cases of the Bernoulli and Poisson families (shared/reference, copied into
/// tests/Mixtures.Tests/fixtures) reproduced through <c>mixtures fit --family ...</c> and <c>predict</c>.
/// </summary>
public class DemoDigitsFamilyFitTests
{
    private static string LibraryFixtures => Fixtures.Library;

    [Theory]
    [InlineData("digits_binary_bernoulli_k10_it50", "bernoulli", "--alpha", "alpha")]
    [InlineData("digits_binary_bernoulli_k12_it300", "bernoulli", "--alpha", "alpha")]
    [InlineData("digits_counts_poisson_k10_it40", "poisson", "--min-rate", "reg")]
    public void FitFamily_FromReferenceInit_ReproducesCase(string name, string family, string regOption, string regParam)
    {
        using var dir = new TempDir();
        var casePath = Path.Combine(LibraryFixtures, "cases", name + ".json");
        using var c = JsonDocument.Parse(File.ReadAllText(casePath));
        var p = c.RootElement.GetProperty("params");
        var e = c.RootElement.GetProperty("expected");
        var data = Path.Combine(LibraryFixtures, c.RootElement.GetProperty("data").GetString()!);
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        var model = dir.File("model.json");

        var fit = Tool.Run(dir.Path, TimeSpan.FromMinutes(2), "fit", data, "--family", family, "--init", casePath,
            "--tol", F(p.GetProperty("tol").GetDouble()), "--max-iter", p.GetProperty("max_iter").GetInt32().ToString(CultureInfo.InvariantCulture),
            regOption, F(p.GetProperty(regParam).GetDouble()), "-o", model, "--json");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        using var report = JsonDocument.Parse(fit.Stdout);
        var r = report.RootElement;
        Assert.Equal(family, r.GetProperty("family").GetString());
        Assert.Equal(e.GetProperty("n_iter").GetInt32(), r.GetProperty("n_iter").GetInt32());
        Assert.Equal(e.GetProperty("converged").GetBoolean(), r.GetProperty("converged").GetBoolean());
        Close(e.GetProperty("lower_bound").GetDouble(), r.GetProperty("lower_bound").GetDouble(), "lower_bound");
        Close(e.GetProperty("bic").GetDouble(), r.GetProperty("bic").GetDouble(), "bic");
        Close(e.GetProperty("aic").GetDouble(), r.GetProperty("aic").GetDouble(), "aic");

        using var saved = JsonDocument.Parse(File.ReadAllText(model));
        Assert.Equal(family, saved.RootElement.GetProperty("family").GetString());
        var expectedMeans = e.GetProperty("means").EnumerateArray().SelectMany(row => row.EnumerateArray()).Select(v => v.GetDouble()).ToArray();
        var means = saved.RootElement.GetProperty("means").EnumerateArray().SelectMany(row => row.EnumerateArray()).Select(v => v.GetDouble()).ToArray();
        Assert.Equal(expectedMeans.Length, means.Length);
        double scale = expectedMeans.Max(Math.Abs);
        for (int i = 0; i < means.Length; i++)
            Assert.True(double.IsFinite(expectedMeans[i]) && double.IsFinite(scale) && Math.Abs(expectedMeans[i] - means[i]) <= 1e-6 * Math.Abs(expectedMeans[i]) + 1e-9 * scale, $"means[{i}]: {expectedMeans[i]} vs {means[i]}");
        var history = e.GetProperty("lower_bound_history").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var savedHistory = saved.RootElement.GetProperty("lower_bound_history").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(history.Length, savedHistory.Length);
        for (int i = 0; i < history.Length; i++) Close(history[i], savedHistory[i], $"lower_bound_history[{i}]");

        var predict = Tool.Run(dir.Path, "predict", model, data, "-o", dir.File("labels.csv"));
        Assert.True(predict.ExitCode == 0, predict.ToString());
        var labels = File.ReadAllLines(dir.File("labels.csv")).Skip(1).Where(l => l.Length > 0).Select(int.Parse).ToArray();
        Assert.Equal(e.GetProperty("predict").EnumerateArray().Select(v => v.GetInt32()).ToArray(), labels);

        var score = Tool.Run(dir.Path, "score", model, data);
        Assert.True(score.ExitCode == 0, score.ToString());
        Close(e.GetProperty("score").GetDouble(), double.Parse(score.Stdout.Trim(), CultureInfo.InvariantCulture), "score");
    }

    [Fact]
    public void FitBernoulli_OnNonBinaryData_FailsNamingRowColumnAndBinarize()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", "a,b\n0,1\n1,0\n1,7\n");
        var r = Tool.Run(dir.Path, "fit", data, "--family", "bernoulli", "-k", "1", "-o", dir.File("out.json"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("data.csv: Row 3, column 'b'", r.Stderr); // the file's 1-based row and the column's name
        Assert.Contains("--binarize", r.Stderr);
        Assert.False(File.Exists(dir.File("out.json")));
        var ok = Tool.Run(dir.Path, "fit", data, "--family", "bernoulli", "-k", "1", "--binarize", "1", "-o", dir.File("out.json"), "--quiet");
        Assert.True(ok.ExitCode == 0, ok.ToString());
    }

    [Fact]
    public void FitPoisson_WithNegativeCount_AndMisplacedOption_FailsClearly()
    {
        using var dir = new TempDir();
        var data = dir.Write("data.csv", "a,b\n0,1\n1,0\n3,-2\n");
        var r = Tool.Run(dir.Path, "fit", data, "--family", "poisson", "-k", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("negative", r.Stderr);
        var misplaced = Tool.Run(dir.Path, "fit", data, "--family", "poisson", "-k", "1", "--alpha", "1");
        Assert.Equal(2, misplaced.ExitCode);
        Assert.Contains("--alpha", misplaced.Stderr);
    }

    private static void Close(double expected, double actual, string what) =>
        Assert.True(double.IsFinite(expected) && Math.Abs(expected - actual) <= 1e-6 * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");
}
