using System.Globalization;
using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>plot's picture flags (issues 10, 12, 15): --contours, --uncertainty, --log-scale, and the subsample of a large file.</summary>
public class PictureFlagTests
{
    [Fact]
    public void Contours_AreOffByDefault_AndDrawnOnRequest_WithUncertaintySizes()
    {
        using var dir = new TempDir();
        Assert.Equal(0, Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "-o", "m.json", "-q").ExitCode);
        Assert.Equal(0, Tool.Run(dir.Path, "plot", "m.json", Fixtures.Faithful, "-o", "plain.svg").ExitCode);
        var plain = File.ReadAllText(dir.File("plain.svg"));
        Assert.DoesNotContain("density contours", plain);
        ImageAssert.Svg(dir.File("plain.svg"), 900, 650, "1-sigma ellipse: 39% of its component", "2-sigma ellipse: 86%", "3-sigma ellipse: 99%");
        var r = Tool.Run(dir.Path, "plot", "m.json", Fixtures.Faithful, "-o", "full.svg", "--contours", "--uncertainty");
        Assert.True(r.ExitCode == 0, r.ToString());
        ImageAssert.Svg(dir.File("full.svg"), 900, 650, "density contours", "point size: uncertainty", "0.4 or more");
        // Bernoulli models have neither; Gaussian ones no log colour scale.
        var bad = Tool.Run(dir.Path, "plot", "m.json", Fixtures.Faithful, "-o", "x.png", "--log-scale");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--log-scale applies to Poisson", bad.Stderr);
    }

    [Fact]
    public void LogScale_ColoursPoissonRates_AndSaysSo()
    {
        using var dir = new TempDir();
        var counts = Fixtures.Data("counts.csv");
        Assert.Equal(0, Tool.Run(dir.Path, "fit", counts, "--family", "poisson", "-k", "3", "-o", "p.json", "-q").ExitCode);
        var r = Tool.Run(dir.Path, "plot", "p.json", "-o", "p.svg", "--log-scale");
        Assert.True(r.ExitCode == 0, r.ToString());
        var svg = ImageAssert.Svg(dir.File("p.svg"), 900, 650, "(log scale)", "rate λ (mean count)");
        // No data panel: the colour bar does not name the data's average.
        Assert.DoesNotContain("λ  /  mean count", File.ReadAllText(dir.File("p.svg")));
    }

    /// <summary>A file with more rows than are drawn: a fixed subsample, said in the written line and in the --json report.</summary>
    [Fact]
    public void LargeFile_IsDrawnThroughAFixedSubsample_SaidInOneLine()
    {
        using var dir = new TempDir();
        var rows = File.ReadAllLines(Fixtures.Faithful);
        using (var w = new StreamWriter(dir.File("big.csv")))
        {
            w.WriteLine(rows[0]);
            for (int copy = 0; copy < 90; copy++)
                foreach (var row in rows.Skip(1))
                {
                    var p = row.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p[0] + copy * 1e-4},{p[1]}"));
                }
        }
        int n = 90 * (rows.Length - 1);
        Assert.Equal(0, Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "-o", "m.json", "-q").ExitCode);
        var r = Tool.Run(dir.Path, "plot", "m.json", "big.csv", "-o", "big.png");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal($"wrote big.png (900 x 650, a fixed random 20000 of {n} rows drawn)", r.Stdout.Trim());
        var j = Tool.Run(dir.Path, "plot", "m.json", "big.csv", "-o", "big.png", "--json");
        using var doc = JsonDocument.Parse(j.Stdout);
        Assert.Equal(20000, doc.RootElement.GetProperty("drawn_rows").GetInt32());
        Assert.Equal(n, doc.RootElement.GetProperty("total_rows").GetInt32());
        Assert.True(new FileInfo(dir.File("big.png")).Length > 0);
    }
}
