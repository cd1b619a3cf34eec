using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// Issue 15, items 1 and 4: every output flag creates the directories it needs (a path through a file is
/// refused, saying so; a failed run leaves no new directory behind), and every verb ends with the files it wrote.
/// </summary>
public class WrittenFilesTests
{
    /// <summary>The README's example with -o into a new directory too: everything written, listed last, one per line.</summary>
    [Fact]
    public void Fit_CreatesMissingDirectories_AndEndsWithEveryFileItWrote()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "-o", "sub/deeper/m.json", "--history", "curves/curve.png", "--snapshots", "em/");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.True(File.Exists(dir.File("sub/deeper/m.json")));
        Assert.True(File.Exists(dir.File("curves/curve.png")));
        var iterations = new[] { 0, 1, 2, 3, 4, 5, 6, 20 };
        var expected = new List<string> { "wrote sub/deeper/m.json", "wrote curves/curve.png (900 x 650)" };
        foreach (var i in iterations)
        {
            expected.Add($"wrote {Path.Combine("em/", $"iter_{i:D2}.png")} (900 x 650)");
            expected.Add($"wrote {Path.Combine("em/", $"iter_{i:D2}.json")}");
        }
        var lines = r.Stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(expected, lines[^expected.Count..]);
        Assert.DoesNotContain(lines[..^expected.Count], l => l.StartsWith("wrote "));
    }

    [Fact]
    public void PlotPredictAndSample_CreateDirectories_AndListTheirFiles()
    {
        using var dir = new TempDir();
        Assert.Equal(0, Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "-o", "m.json", "-q").ExitCode);
        var plot = Tool.Run(dir.Path, "plot", "m.json", Fixtures.Faithful, "-o", "pics/a/p.png", "--weights", "pics/b/w.png");
        Assert.True(plot.ExitCode == 0, plot.ToString());
        Assert.Equal(["wrote pics/a/p.png (900 x 650)", "wrote pics/b/w.png (900 x 650, component weights)"], Lines(plot.Stdout));
        var predict = Tool.Run(dir.Path, "predict", "m.json", Fixtures.Faithful, "-o", "out/labels.csv");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Equal("wrote out/labels.csv (272 rows)", Lines(predict.Stdout)[^1]);
        var sample = Tool.Run(dir.Path, "sample", "m.json", "-n", "5", "-o", "draws/s.csv");
        Assert.True(sample.ExitCode == 0, sample.ToString());
        Assert.Equal(["wrote draws/s.csv"], Lines(sample.Stdout));
        Assert.True(File.Exists(dir.File("pics/b/w.png")) && File.Exists(dir.File("out/labels.csv")) && File.Exists(dir.File("draws/s.csv")));
        // score's stdout is its number, for scripts: the line goes to stderr.
        var score = Tool.Run(dir.Path, "score", "m.json", Fixtures.Faithful, "--per-sample", "per/s.csv");
        Assert.True(score.ExitCode == 0, score.ToString());
        Assert.Single(Lines(score.Stdout));
        Assert.Equal("wrote per/s.csv (272 rows)", Lines(score.Stderr)[^1]);
        // --quiet and --json print no such lines.
        Assert.Equal("", Tool.Run(dir.Path, "sample", "m.json", "-n", "5", "-o", "draws/s.csv", "-q").Stdout);
    }

    [Fact]
    public void Select_ListsThePlotAndTheModel()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "select", Fixtures.Faithful, "-k", "1..2", "--covariance-types", "full", "--plot", "p/bic.png", "-o", "q/best.json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var lines = Lines(r.Stdout);
        Assert.Equal(["wrote p/bic.png (900 x 650)", "wrote q/best.json"], lines[^2..].Order().ToArray());
    }

    /// <summary>A path through a file is refused, naming the file; nothing is created.</summary>
    [Theory]
    [InlineData("-o", "notes.txt/m.json")]
    [InlineData("-o", "notes.txt/sub/m.json")]
    [InlineData("--history", "notes.txt/c.png")]
    [InlineData("--snapshots", "notes.txt/em")]
    public void PathThroughAFile_IsRefused_SayingSo(string option, string path)
    {
        using var dir = new TempDir();
        dir.Write("notes.txt", "mine");
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", option, path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{option} {path}: 'notes.txt' is a file, not a directory.", r.Stderr);
        Assert.Equal("mine", File.ReadAllText(dir.File("notes.txt")));
        Assert.Single(dir.Files());
    }

    /// <summary>Directories made for a run that then fails are removed again (they are empty: nothing was committed).</summary>
    [Fact]
    public void FailedRun_LeavesNoNewDirectory()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", "missing.csv", "-k", "2", "-o", "new/a/m.json", "--snapshots", "snaps/x");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    static string[] Lines(string s) => s.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
}
