using System.Diagnostics;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>Ctrl-C (SIGINT) during a fit stops it and leaves no output file, not even a temporary one.</summary>
public class CancellationTests
{
    [UnixFact]
    public async Task Sigint_DuringFit_LeavesNoOutput()
    {
        using var dir = new TempDir();
        var model = dir.File("model.json");
        using var p = Tool.Start(dir.Path, "fit", Fixtures.Data("blobs5.csv"), "-k", "8", "--n-init", "500", "--max-iter", "500",
            "--tol", "0", "--init-params", "random", "--seed", "1", "-o", model, "--history", dir.File("h.png"));
        var stderr = p.StandardError.ReadToEndAsync();
        _ = p.StandardOutput.ReadToEndAsync();
        // Signal only once the process has used a second of CPU: well past start-up (where the handler is
        // installed) even when the machine is loaded and wall-clock delays say nothing.
        await WaitForCpu(p, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.False(p.HasExited, "the fit finished before it could be interrupted");
        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill!.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await p.WaitForExitAsync(timeout.Token);
        Assert.Equal(130, p.ExitCode);
        Assert.Contains("cancelled", await stderr);
        Assert.Empty(dir.Files());
    }

    /// <summary>Waits until <paramref name="p"/> has used <paramref name="cpu"/> of user + system time (from /proc).</summary>
    static async Task WaitForCpu(Process p, TimeSpan cpu, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!p.HasExited && clock.Elapsed < timeout)
        {
            var stat = File.ReadAllText($"/proc/{p.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            if (ticks >= cpu.TotalSeconds * 100) return;   // USER_HZ is 100 on Linux
            await Task.Delay(50);
        }
    }
}
