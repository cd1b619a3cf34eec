using System.Text.Json;
using Mixtures.Cli.Plotting;
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
        var pictures = Path.Combine(dir.Path, "new", "pictures");   // created
        var r = Tool.Run(dir.Path, TimeSpan.FromMinutes(5), "demo", "digits", "--output-dir", pictures, "--json");
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

        // Each picture has the size its layout computes: tiles of 128 px (means) and 76 px (draws), nothing left empty.
        var means = DigitGrid.Measure(10, 5, 8, "one line", [.. Enumerable.Repeat("comp 0: mostly 0\nw = 0.1", 10)],
            new DigitGrid.Options(ColorBarLabel: "P(ink)", TilePixels: 128));
        ImageAssert.Png(Path.Combine(pictures, "digits-means.png"), means.Width, means.Height);
        var samples = DigitGrid.Measure(80, 8, 8, "two\nlines", [.. Enumerable.Repeat("", 80)],
            new DigitGrid.Options(RowLabels: [.. Enumerable.Repeat("", 10)], TilePixels: 76));
        ImageAssert.Png(Path.Combine(pictures, "digits-samples.png"), samples.Width, samples.Height);
    }

    [Fact]
    public void DemoDigits_WithOutputDirUnderAFile_FailsWithOneLine()
    {
        using var dir = new TempDir();
        dir.Write("notes.txt", "mine");
        var r = Tool.Run(dir.Path, "demo", "digits", "--output-dir", Path.Combine("notes.txt", "nope"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--output-dir notes.txt/nope: 'notes.txt' is a file, not a directory.", r.Stderr);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
