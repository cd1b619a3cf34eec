using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary><c>mixtures select --family bernoulli|poisson</c>: one column and one line for the family, family options as in fit.</summary>
public class SelectFamilyTests
{
    [Fact]
    public void SelectPoisson_FindsTheThreeGeneratingComponents_TableJsonPlotAndModel()
    {
        using var dir = new TempDir();
        var data = Fixtures.Data("counts.csv"); // 400 rows drawn from 3 Poisson components
        var png = dir.File("bic.png");
        var best = dir.File("best.json");
        var r = Tool.Run(dir.Path, "select", data, "--family", "poisson", "--k", "1..5", "--seed", "0", "--min-rate", "1e-4",
            "--plot", png, "-o", best, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("poisson", root.GetProperty("family").GetString());
        Assert.Equal(5, root.GetProperty("results").GetArrayLength());
        Assert.All(root.GetProperty("results").EnumerateArray(), e => Assert.False(e.TryGetProperty("covariance_type", out _)));
        Assert.Equal(3, root.GetProperty("best").GetProperty("k").GetInt32());
        ImageAssert.Png(png, 900, 650);
        using var model = JsonDocument.Parse(File.ReadAllText(best));
        Assert.Equal("poisson", model.RootElement.GetProperty("family").GetString());
        Assert.Equal(3, model.RootElement.GetProperty("n_components").GetInt32());

        var svg = dir.File("bic.svg");
        var table = Tool.Run(dir.Path, "select", data, "--family", "poisson", "--k", "2..4", "--seed", "0", "--plot", svg);
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("poisson", table.Stdout);
        Assert.Contains("* ", table.Stdout);
        Assert.DoesNotContain("spherical", table.Stdout);
        ImageAssert.Svg(svg, 900, 650, "Poisson mixtures", "best: K = 3, poisson", "number of components K");
    }

    [Fact]
    public void SelectBernoulli_WithBinarizeAndAlpha_AndFamilyOptionErrors()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "select", Fixtures.Data("binary.csv"), "--family", "bernoulli", "--k", "1..4", "--alpha", "0.5",
            "--criterion", "aic", "--seed", "0", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using (var doc = JsonDocument.Parse(r.Stdout))
        {
            Assert.Equal("bernoulli", doc.RootElement.GetProperty("best").GetProperty("family").GetString());
            Assert.Equal(3, doc.RootElement.GetProperty("best").GetProperty("k").GetInt32());
        }

        // Counts binarized at 3 are 0/1 data; without --binarize they are refused as data (exit 2, file named).
        var counts = Fixtures.Data("counts.csv");
        var binarized = Tool.Run(dir.Path, "select", counts, "--family", "bernoulli", "--binarize", "3", "--k", "1..2", "--json");
        Assert.True(binarized.ExitCode == 0, binarized.ToString());
        foreach (var (args, expected) in new (string[], string)[]
                 {
                     (["--family", "bernoulli", "--k", "1..2"], "counts.csv"),
                     (["--family", "poisson", "--covariance-types", "full"], "--covariance-types"),
                     (["--family", "poisson", "--alpha", "1"], "--alpha"),
                     (["--family", "gaussian", "--min-rate", "1"], "--min-rate"),
                     (["--family", "beta"], "beta"),
                 })
        {
            var bad = Tool.Run(dir.Path, ["select", counts, .. args]);
            Assert.True(bad.ExitCode == 2, bad.ToString());
            Assert.Contains(expected, bad.Stderr);
            Assert.Single(bad.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
