using Mixtures.Cli.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Mixtures.Cli.Tests;

/// <summary>
/// SIGINT and SIGTERM reach every long phase (issue 17, items 1-3): the tool, started in its own process
/// group, exits with 130 soon after the signal whatever it is doing (initialization, EM, writing), keeps
/// the existing output and leaves no temporary file. The goal is 0.5 s; the bound here allows for a loaded
/// 2-core machine, and the measured times are printed.
/// </summary>
public class SignalTests(ITestOutputHelper output)
{
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    public static TheoryData<string, string, double> Phases() => new()
    {
        { "INT", "kmeans", 0.8 },        // start-up done: data loading, k-means on the sample, first labelling
        { "TERM", "k-means++", 1.2 },
        { "INT", "kmeans", 2.5 },        // EM passes
        { "TERM", "kmeans", 3.0 },
    };

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task Signal_DuringFit_ExitsPromptlyKeepingTheOldFile(string signal, string init, double cpuSeconds)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        var data = Signals.WriteBlobs(dir.File("big.npy"), 300_000, 16);
        var model = dir.Write("model.json", "old");
        using var p = Signals.StartInOwnGroup(dir.Path, "fit", data, "-k", "16", "--covariance-type", "full", "--max-iter", "40",
            "--tol", "0", "--init-params", init, "-o", model);
        var stderr = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        await Signals.WaitForCpu(p, TimeSpan.FromSeconds(cpuSeconds), TimeSpan.FromSeconds(120));
        // The message's stderr is read only once the process has ended: awaiting it first would wait for the whole fit.
        if (p.HasExited) Assert.Fail("the fit finished before it could be interrupted: " + await stderr);
        var latency = await Signals.SendAndTime(p, signal, TimeSpan.FromSeconds(30));
        output.WriteLine($"SIG{signal} after {cpuSeconds} s CPU ({init}): exit {p.ExitCode} {latency.TotalMilliseconds:F0} ms after the signal");
        Assert.Equal(130, p.ExitCode);
        Assert.Contains("cancelled", await stderr);
        Assert.InRange(latency, TimeSpan.Zero, Bound);
        Assert.Equal("old", File.ReadAllText(model));
        Assert.Equal(["big.npy", "model.json"], dir.Files().Select(Path.GetFileName).Order());
    }

    /// <summary>One signal while predict writes a large CSV stops the write: the old file stays and no temporary file is left.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Signals_DuringPredictWrite_KeepTheOldFile(int signals)
    {
        if (!OperatingSystem.IsLinux()) return;
        using var dir = new TempDir();
        var data = Signals.WriteBlobs(dir.File("big.npy"), 600_000, 4);
        var fit = Tool.Run(dir.Path, TimeSpan.FromSeconds(120), "fit", data, "-k", "16", "--max-iter", "2", "-o", dir.File("m.json"), "-q");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        var labels = dir.Write("labels.csv", "old");
        using var p = Signals.StartInOwnGroup(dir.Path, "predict", dir.File("m.json"), data, "--proba", "-o", labels);
        var stderr = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        // Past loading and prediction, into the write: wait until the temporary file exists.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!p.HasExited && !dir.Files().Any(f => f.Contains(".tmp", StringComparison.Ordinal)) && clock.Elapsed < TimeSpan.FromSeconds(120))
            await Task.Delay(10);
        if (p.HasExited) Assert.Fail("predict finished before it could be interrupted: " + await stderr);
        for (int i = 1; i < signals; i++) Signals.Send(p, "INT");
        var latency = await Signals.SendAndTime(p, "INT", TimeSpan.FromSeconds(30));
        output.WriteLine($"{signals} SIGINT during the write: exit {p.ExitCode} {latency.TotalMilliseconds:F0} ms after the last signal");
        Assert.Equal(130, p.ExitCode);
        Assert.InRange(latency, TimeSpan.Zero, Bound);
        Assert.Equal("old", File.ReadAllText(labels));
        Assert.DoesNotContain(dir.Files(), f => f.Contains(".tmp", StringComparison.Ordinal));
    }
}
