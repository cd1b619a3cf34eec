using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary><c>mixtures demo digits</c> through the real executable: the numbers it reports and its two pictures.</summary>
public class DemoDigitsTests
{
    [Fact]
    public void DemoDigits_ReportsMeasuredPurityAccuracyAndBicK_AndWritesBothPictures()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, TimeSpan.FromMinutes(5), "demo", "digits", "--output-dir", dir.Path, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("digits", root.GetProperty("dataset").GetString());
        Assert.Equal(1797, root.GetProperty("n_samples").GetInt32());

        // Measured with seed 0: purity 0.7602, test accuracy 0.9387 (337 of 359), BIC's K = 19.
        // The margins allow for floating-point differences across machines, not for a worse model.
        var clustering = root.GetProperty("clustering");
        Assert.Equal(10, clustering.GetProperty("n_components").GetInt32());
        double purity = clustering.GetProperty("purity").GetDouble();
        Assert.True(purity >= 0.73, $"purity {purity}");
        var classifier = root.GetProperty("classifier");
        double accuracy = classifier.GetProperty("accuracy").GetDouble();
        Assert.True(accuracy >= 0.92, $"accuracy {accuracy}");
        Assert.Equal(1438, classifier.GetProperty("train_rows").GetInt32());
        Assert.Equal(359, classifier.GetProperty("test_rows").GetInt32());
        int k = root.GetProperty("bic").GetProperty("chosen_k").GetInt32();
        Assert.InRange(k, 12, 20);
        var curve = root.GetProperty("bic").GetProperty("curve").EnumerateArray().ToArray();
        Assert.Equal(19, curve.Length);
        Assert.Equal(curve.Min(e => e.GetProperty("bic").GetDouble()),
            curve.Single(e => e.GetProperty("k").GetInt32() == k).GetProperty("bic").GetDouble());

        ImageAssert.Png(Path.Combine(dir.Path, "digits-means.png"), 1100, 580);
        ImageAssert.Png(Path.Combine(dir.Path, "digits-samples.png"), 1100, 1350);
    }

    [Fact]
    public void DemoDigits_WithMissingOutputDir_FailsWithOneLine()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "demo", "digits", "--output-dir", Path.Combine(dir.Path, "nope"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--output-dir", r.Stderr);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
