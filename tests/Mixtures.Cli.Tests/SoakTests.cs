using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Mixtures.Cli.Tests;

/// <summary>
/// Fits over an existing model file interrupted at random moments by SIGINT, SIGTERM or SIGKILL: the file is
/// always the old one or a complete new model, and no temporary file survives SIGINT or SIGTERM (SIGKILL's are
/// left for the stale-file sweep). MIXTURES_SOAK_RUNS runs (default 4, a few seconds each); bench/soak.sh runs 200.
/// </summary>
public class SoakTests(ITestOutputHelper output)
{
    [UnixFact]
    public async Task InterruptedFits_KeepTheOldFileOrWriteACompleteNewOne()
    {
        int runs = int.TryParse(Environment.GetEnvironmentVariable("MIXTURES_SOAK_RUNS"), out var n) ? n : 4;
        using var dir = new TempDir();
        var data = Signals.WriteBlobs(dir.File("soak.npy"), 30_000, 8, seed: 3);
        var model = dir.File("model.json");
        var first = Tool.Run(dir.Path, TimeSpan.FromSeconds(120), "fit", data, "-k", "4", "--max-iter", "5", "-o", model, "-q");
        Assert.True(first.ExitCode == 0, first.ToString());
        var rng = new Random(Environment.GetEnvironmentVariable("MIXTURES_SOAK_SEED") is { } s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 17);
        string[] signals = ["INT", "TERM", "KILL"];
        var tally = new Dictionary<string, int>();
        for (int run = 0; run < runs; run++)
        {
            var old = File.ReadAllBytes(model);
            string signal = signals[rng.Next(signals.Length)];
            double cpu = 0.3 + rng.NextDouble() * 1.5;   // past start-up, then anywhere in loading, fitting and writing
            using var p = Signals.StartInOwnGroup(dir.Path, "fit", data, "-k", "8", "--covariance-type", "full", "--max-iter", "60",
                "--tol", "0", "--seed", run.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", model, "--history", dir.File("curve.png"));
            var stderr = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            await Signals.WaitForCpu(p, TimeSpan.FromSeconds(cpu), TimeSpan.FromSeconds(120));
            string outcome;
            if (p.HasExited) outcome = "finished";
            else
            {
                await Signals.SendAndTime(p, signal, TimeSpan.FromSeconds(60));
                outcome = $"SIG{signal} -> {p.ExitCode}";
            }
            await p.WaitForExitAsync();
            var now = File.ReadAllBytes(model);
            Assert.True(now.AsSpan().SequenceEqual(old) || IsCompleteModel(now),
                $"run {run} ({outcome} at {cpu:F2} s CPU): model.json is neither the old file nor a complete model; stderr: {await stderr}");
            var temps = dir.Files().Where(f => Path.GetFileName(f).Contains(".tmp", StringComparison.Ordinal)).ToList();
            if (signal != "KILL" || p.ExitCode == 0)
                Assert.True(temps.Count == 0, $"run {run} ({outcome}): temporary files left: {string.Join(", ", temps)}");
            foreach (var t in temps) File.Delete(t);   // SIGKILL's leftovers: the sweep only takes them after an hour
            if (signal != "KILL" && p.ExitCode != 0) Assert.Equal(130, p.ExitCode);
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
        }
        output.WriteLine(string.Join("; ", tally.Select(kv => $"{kv.Key}: {kv.Value}")));
    }

    static bool IsCompleteModel(byte[] bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.GetProperty("n_components").GetInt32() == 8 && doc.RootElement.TryGetProperty("precisions_cholesky", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
