using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>fit --online: the same model for the same seed (in memory or streamed), one M-step per batch, and one-line errors.</summary>
public class OnlineFitTests
{
    [Fact]
    public void OnlineFit_IsRepeatable_InMemoryAndStreamed()
    {
        using var dir = new TempDir();
        string[] args = ["fit", Fixtures.Faithful, "-k", "2", "--seed", "3", "--online", "--batch-size", "50", "--passes", "2", "--json"];
        var a = Tool.Run(dir.Path, args);
        Assert.True(a.ExitCode == 0, a.ToString());
        var b = Tool.Run(dir.Path, [.. args, "--out-of-core", "--temp-dir", dir.Path]);
        Assert.True(b.ExitCode == 0, b.ToString());
        static string Strip(string json) => string.Join('\n', json.Split('\n').Where(l => !l.Contains("seconds")));
        Assert.Equal(Strip(a.Stdout), Strip(b.Stdout));
        using var doc = JsonDocument.Parse(a.Stdout);
        Assert.Equal(12, doc.RootElement.GetProperty("n_iter").GetInt32());   // 272 rows: 6 batches of 50, twice
    }

    [Theory]
    [InlineData("--online --batch-size 0", "--batch-size 0: must be at least 1.")]
    [InlineData("--online --passes 0", "--passes 0: must be at least 1.")]
    [InlineData("--online --step-exponent 0.5", "--step-exponent 0.5: must be in (0.5, 1].")]
    [InlineData("--batch-size 10", "add --online")]
    [InlineData("--online --covariance-type tied", "'tied' covariance model")]
    [InlineData("--online --family poisson", "--online fits Gaussian mixtures")]
    [InlineData("--online --cluster 127.0.0.1:30000", "does not combine with --cluster")]
    public void BadOnlineFlags_OneLineExit2(string flags, string message)
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, ["fit", Fixtures.Faithful, "-k", "2", .. flags.Split(' ')]);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain('\n', r.Stderr.Trim());
    }
}
