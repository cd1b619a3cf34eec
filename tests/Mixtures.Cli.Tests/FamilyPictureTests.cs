using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary><c>mixtures plot</c> for Bernoulli and Poisson models: images of the means or a labelled heatmap, with the data's averages.</summary>
public class FamilyPictureTests
{
    private static string Fit(TempDir dir, string data, string family, int k, string name)
    {
        var model = dir.File(name);
        var r = Tool.Run(dir.Path, "fit", data, "--family", family, "-k", k.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed", "0", "-o", model, "-q");
        Assert.True(r.ExitCode == 0, r.ToString());
        return model;
    }

    [Fact]
    public void PlotBernoulli_SquareFeatures_DrawsMeansAsImages_WithAndWithoutData()
    {
        using var dir = new TempDir();
        var data = Path.Combine(Fixtures.Library, "data", "digits_binary.csv");
        var model = Fit(dir, data, "bernoulli", 10, "digits.json");

        var png = dir.File("means.png");
        var r = Tool.Run(dir.Path, "plot", model, data, "-o", png, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using (var doc = JsonDocument.Parse(r.Stdout))
        {
            Assert.Equal("images", doc.RootElement.GetProperty("layout").GetString());
            Assert.Equal("bernoulli", doc.RootElement.GetProperty("family").GetString());
        }
        // Without --width/--height a grid of images takes its natural size: 4 pairs a row of tiles of 120 px.
        var (w, h) = ImageAssert.PngSize(png);
        Assert.True(w >= 8 * 120 && h >= 3 * 120, $"{w} x {h}");
        ImageAssert.Png(png, w, h);

        var svg = dir.File("means.svg");
        r = Tool.Run(dir.Path, "plot", model, "-o", svg, "--width", "900", "--height", "650");
        Assert.True(r.ExitCode == 0, r.ToString());
        ImageAssert.Svg(svg, 900, 650, "10-component Bernoulli mixture", "comp 9", "w = ", "P(x = 1)");
        Assert.DoesNotContain("data, comp", File.ReadAllText(svg));

        var withData = dir.File("pairs.svg");
        Assert.Equal(0, Tool.Run(dir.Path, "plot", model, data, "-o", withData, "--width", "900", "--height", "650").ExitCode);
        ImageAssert.Svg(withData, 900, 650, "data, comp 0", "n = ", "digits_binary.csv");
    }

    [Fact]
    public void PlotBernoulli_OtherFeatures_DrawsLabelledHeatmapBesideDataAverages()
    {
        using var dir = new TempDir();
        var data = Fixtures.Data("binary.csv");
        var model = Fit(dir, data, "bernoulli", 3, "binary.json");
        var svg = dir.File("binary.svg");
        var r = Tool.Run(dir.Path, "plot", model, data, "-o", svg, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using (var doc = JsonDocument.Parse(r.Stdout))
            Assert.Equal("heatmap", doc.RootElement.GetProperty("layout").GetString());
        ImageAssert.Svg(svg, 900, 650, "3-component Bernoulli mixture on binary.csv", "owns_car", "gardens", "model: P(x = 1)",
            "data: fraction of 1s", "component", "feature", "(w = ");
        var png = dir.File("binary.png");
        Assert.Equal(0, Tool.Run(dir.Path, "plot", model, "-o", png, "--width", "700", "--height", "500").ExitCode);
        ImageAssert.Png(png, 700, 500);
    }

    [Fact]
    public void PlotPoisson_DrawsRatesHeatmap_AndRefusesAxisOptions()
    {
        using var dir = new TempDir();
        var data = Fixtures.Data("counts.csv");
        var model = Fit(dir, data, "poisson", 3, "counts.json");
        var svg = dir.File("counts.svg");
        var r = Tool.Run(dir.Path, "plot", model, data, "-o", svg);
        Assert.True(r.ExitCode == 0, r.ToString());
        ImageAssert.Svg(svg, 900, 650, "Poisson mixture", "calls", "returns", "rate λ", "mean count");
        var png = dir.File("counts.png");
        Assert.Equal(0, Tool.Run(dir.Path, "plot", model, data, "-o", png).ExitCode);
        ImageAssert.Png(png, 900, 650);

        var bad = Tool.Run(dir.Path, "plot", model, data, "-o", dir.File("x.png"), "--x", "calls");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--x/--y", bad.Stderr);
        Assert.Single(bad.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(dir.File("x.png")));
    }
}
