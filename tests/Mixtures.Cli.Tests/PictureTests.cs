using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>Every picture is a valid PNG or SVG of the requested size with real content.</summary>
public class PictureTests
{
    private static string FitModel(TempDir dir, string data, params string[] extra)
    {
        var model = dir.File("model.json");
        var r = Tool.Run(dir.Path, ["fit", data, "-o", model, "--seed", "0", "-q", .. extra]);
        Assert.True(r.ExitCode == 0, r.ToString());
        return model;
    }

    [Fact]
    public void Plot2D_Png_HasRequestedSizeAndContent()
    {
        using var dir = new TempDir();
        var model = FitModel(dir, Fixtures.Faithful, "-k", "2");
        var png = dir.File("faithful.png");
        var r = Tool.Run(dir.Path, "plot", model, Fixtures.Faithful, "-o", png, "--width", "640", "--height", "480");
        Assert.True(r.ExitCode == 0, r.ToString());
        ImageAssert.Png(png, 640, 480);
    }

    [Fact]
    public void Plot2D_Svg_HasTitleAxisLabelsAndLegend()
    {
        using var dir = new TempDir();
        var model = FitModel(dir, Fixtures.Faithful, "-k", "2");
        var svg = dir.File("faithful.svg");
        var r = Tool.Run(dir.Path, "plot", model, Fixtures.Faithful, "-o", svg, "--title", "Geyser mixture");
        Assert.True(r.ExitCode == 0, r.ToString());
        ImageAssert.Svg(svg, 900, 650, "Geyser mixture", "eruptions", "waiting", "component 0", "1-sigma ellipse", "component means");
    }

    [Fact]
    public void PlotWideData_ChosenPair_DrawsTheMarginal()
    {
        using var dir = new TempDir();
        var iris = Fixtures.Data("iris.csv");
        var model = FitModel(dir, iris, "-k", "3");
        var svg = dir.File("iris.svg");
        var r = Tool.Run(dir.Path, "plot", model, iris, "-o", svg, "--x", "petal_length", "--y", "petal_width", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("petal_width", doc.RootElement.GetProperty("y").GetString());
        ImageAssert.Svg(svg, 900, 650, "marginal", "petal_length", "petal_width");
        var png = dir.File("iris.png");
        Assert.Equal(0, Tool.Run(dir.Path, "plot", model, iris, "-o", png, "--x", "0", "--y", "2").ExitCode);
        ImageAssert.Png(png, 900, 650);
    }

    [Fact]
    public void Plot1D_DrawsHistogramMixtureAndComponents()
    {
        using var dir = new TempDir();
        var line = Fixtures.Data("line1d.csv");
        var model = FitModel(dir, line, "-k", "3");
        var svg = dir.File("line.svg");
        Assert.Equal(0, Tool.Run(dir.Path, "plot", model, line, "-o", svg).ExitCode);
        ImageAssert.Svg(svg, 900, 650, "mixture density", "data histogram", "component 2", "density");
        var png = dir.File("line.png");
        Assert.Equal(0, Tool.Run(dir.Path, "plot", model, line, "-o", png, "--width", "800", "--height", "400").ExitCode);
        ImageAssert.Png(png, 800, 400);
    }

    [Fact]
    public void FitHistoryAndSnapshots_WriteLearningCurveAndEightIterations()
    {
        using var dir = new TempDir();
        var history = dir.File("history.png");
        var snaps = dir.File("snaps");
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "--init", Fixtures.Case("faithful_full_k2_it100"),
            "--history", history, "--snapshots", snaps, "-q");
        Assert.True(r.ExitCode == 0, r.ToString());
        ImageAssert.Png(history, 900, 650);
        foreach (var i in new[] { 0, 1, 2, 3, 4, 5, 6, 20 })
            ImageAssert.Png(Path.Combine(snaps, $"iter_{i:D2}.png"), 900, 650);
        using var m20 = JsonDocument.Parse(File.ReadAllText(Path.Combine(snaps, "iter_20.json")));
        Assert.Equal(20, m20.RootElement.GetProperty("n_iter").GetInt32());
        using var m3 = JsonDocument.Parse(File.ReadAllText(Path.Combine(snaps, "iter_03.json")));
        Assert.Equal(3, m3.RootElement.GetProperty("n_iter").GetInt32());

        // A snapshot is exactly the fit stopped after that many iterations from the same start.
        var direct = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "--init", Fixtures.Case("faithful_full_k2_it100"),
            "--max-iter", "3", "--tol", "0", "--json");
        Assert.True(direct.ExitCode == 0, direct.ToString());
        using var d3 = JsonDocument.Parse(direct.Stdout);
        Assert.Equal(m3.RootElement.GetProperty("means").GetRawText(), d3.RootElement.GetProperty("means").GetRawText());
    }

    [Fact]
    public void Select_PrintsGridAndDrawsCriterionPlot()
    {
        using var dir = new TempDir();
        var png = dir.File("bic.png");
        var best = dir.File("best.json");
        var r = Tool.Run(dir.Path, "select", Fixtures.Faithful, "--k", "1..4", "--covariance-types", "full,diag,spherical",
            "--plot", png, "-o", best, "--json", "--seed", "0");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(12, doc.RootElement.GetProperty("results").GetArrayLength());
        var b = doc.RootElement.GetProperty("best");
        Assert.Equal(2, b.GetProperty("k").GetInt32());
        Assert.Equal("full", b.GetProperty("covariance_type").GetString());
        ImageAssert.Png(png, 900, 650);
        Assert.True(File.Exists(best));

        var table = Tool.Run(dir.Path, "select", Fixtures.Faithful, "--k", "1..3", "--covariance-types", "full,tied", "--criterion", "aic");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("AIC", table.Stdout);
        Assert.Contains("* ", table.Stdout);
        Assert.Contains("tied", table.Stdout);
    }

    [Fact]
    public void DemoFaithful_ChoosesTwoComponentsAndWritesThePicture()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "demo", "faithful");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("K = 2", r.Stdout);
        ImageAssert.Png(Path.Combine(dir.Path, "faithful.png"), 900, 650);

        var json = Tool.Run(dir.Path, "demo", "faithful", "-o", "demo.svg", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(2, doc.RootElement.GetProperty("fit").GetProperty("n_components").GetInt32());
        ImageAssert.Svg(Path.Combine(dir.Path, "demo.svg"), 900, 650, "Old Faithful", "waiting time");
    }
}
