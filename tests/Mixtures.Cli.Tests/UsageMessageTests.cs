using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>Messages that used to misname the problem (issue 17, items 10 and 11), now one line naming it, exit 2.</summary>
public class UsageMessageTests
{
    [Theory]
    [InlineData(new[] { "fti", "data.csv" }, "mixtures: unknown verb 'fti'; did you mean 'fit'?")]
    [InlineData(new[] { "smaple", "m.json" }, "did you mean 'sample'?")]
    [InlineData(new[] { "fit", "data.csv", "-k", "2147483648" }, "mixtures fit: -k: expected a whole number from 1 to 2147483647, not '2147483648'.")]
    [InlineData(new[] { "fit", "data.csv", "-k", "3.5" }, "mixtures fit: -k: expected a whole number from 1 to 2147483647, not '3.5'.")]
    [InlineData(new[] { "fit", "data.csv", "--max-iter", "x" }, "--max-iter: expected a whole number from 1 to")]
    [InlineData(new[] { "sample", "m.json", "-n", "1e9" }, "-n: expected a whole number from 1 to 2147483647")]
    [InlineData(new[] { "fit", "data.csv", "-o", "" }, "mixtures fit: -o: the path is empty")]
    [InlineData(new[] { "score", "m.json", "data.csv", "--per-sample", "" }, "--per-sample: the path is empty")]
    public void Message_NamesTheProblem(string[] args, string expected)
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stderr);
        Assert.DoesNotContain("System.", r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
    }

    /// <summary>-n larger than memory can hold is refused before any work, with exit 2 and the largest n that fits.</summary>
    [Fact]
    public void Sample_HugeN_IsRefusedUpFront()
    {
        using var dir = new TempDir();
        var fit = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "-o", dir.File("m.json"), "-q");
        Assert.Equal(0, fit.ExitCode);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Points written to a file are streamed (limited by the disk); points in the JSON on stdout are held, so memory limits them.
        var r = Tool.Run(dir.Path, "sample", dir.File("m.json"), "-n", "2147483647", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("-n 2147483647:", r.Stderr);
        Assert.Contains("draw at most", r.Stderr);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.False(File.Exists(dir.File("s.csv")));
    }
}
