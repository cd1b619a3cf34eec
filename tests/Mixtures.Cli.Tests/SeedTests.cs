using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// Reproducible by default (mclust's rule): without --seed every fit uses seed 0, prints it and stores it
/// in the model; --seed random draws one and reports it; --snapshots and --history never change the model.
/// </summary>
public class SeedTests
{
    static JsonElement Model(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    static string Parameters(string path)
    {
        var m = Model(path);
        return string.Join("|", m.GetProperty("weights").GetRawText(), m.GetProperty("means").GetRawText(),
            m.GetProperty("covariances").GetRawText(), m.GetProperty("lower_bound").GetRawText());
    }

    [Fact]
    public void TwoRunsWithoutSeed_GiveTheSameModel_WithSeedZeroRecorded()
    {
        using var dir = new TempDir();
        var a = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "--init-params", "random", "-o", dir.File("a.json"));
        var b = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "--init-params", "random", "-o", dir.File("b.json"));
        Assert.True(a.ExitCode == 0, a.ToString());
        Assert.True(b.ExitCode == 0, b.ToString());
        Assert.Equal(Parameters(dir.File("a.json")), Parameters(dir.File("b.json")));
        Assert.Equal(0, Model(dir.File("a.json")).GetProperty("seed").GetInt32());
        Assert.Matches(@"seed\s+0", a.Stdout);
    }

    [Fact]
    public void SeedRandom_IsReported_AndRepeatsTheFitWhenGivenBack()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "3", "--init-params", "random", "--seed", "random", "--json", "-o", dir.File("r.json"));
        Assert.True(r.ExitCode == 0, r.ToString());
        int seed = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("seed").GetInt32();
        Assert.Equal(seed, Model(dir.File("r.json")).GetProperty("seed").GetInt32());
        var again = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "3", "--init-params", "random", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", dir.File("again.json"));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(Parameters(dir.File("r.json")), Parameters(dir.File("again.json")));
    }

    [Fact]
    public void SnapshotsAndHistory_DoNotChangeTheModel()
    {
        using var dir = new TempDir();
        var plain = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "--n-init", "3", "-o", dir.File("plain.json"));
        var drawn = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "--n-init", "3", "-o", dir.File("drawn.json"),
            "--history", dir.File("curve.png"), "--snapshots", dir.File("em"));
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.True(drawn.ExitCode == 0, drawn.ToString());
        Assert.Equal(Parameters(dir.File("plain.json")), Parameters(dir.File("drawn.json")));
        Assert.True(File.Exists(Path.Combine(dir.File("em"), "iter_00.json")));
    }

    [Fact]
    public void BadSeed_IsOneLineExitTwo()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "--seed", "abc");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--seed 'abc': expected a whole number", r.Stderr);
    }
}
