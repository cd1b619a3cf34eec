using System.Diagnostics;
using System.Globalization;

namespace Mixtures.Cli.Tests.Infrastructure;

/// <summary>
/// The tool started in its own process group (as a shell job or a container's main process is), and
/// signals sent to it once it is past start-up, judged by CPU time, not by a wall-clock delay that a loaded
/// machine makes meaningless.
/// </summary>
public static class Signals
{
    /// <summary>Starts the tool through <c>setsid</c>, which makes it a new session and process group leader and then execs it (same pid).</summary>
    public static Process StartInOwnGroup(string workDir, params string[] args) => Tool.StartWith(workDir, "setsid", args);

    /// <summary>Waits until <paramref name="p"/> has used <paramref name="cpu"/> of user + system time (from /proc).</summary>
    public static async Task WaitForCpu(Process p, TimeSpan cpu, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!p.HasExited && clock.Elapsed < timeout)
        {
            try
            {
                if (CpuTicks(p.Id) >= cpu.TotalSeconds * 100) return;   // USER_HZ is 100 on Linux
            }
            catch (IOException)
            {
                return;   // exited between the check and the read
            }
            await Task.Delay(20);
        }
    }

    static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>Sends SIGINT, SIGTERM or SIGKILL ("INT", "TERM", "KILL") to <paramref name="p"/>.</summary>
    public static void Send(Process p, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", p.Id.ToString(CultureInfo.InvariantCulture)]);
        kill!.WaitForExit();
    }

    /// <summary>Sends <paramref name="signal"/> and returns how long the process took to exit after it.</summary>
    public static async Task<TimeSpan> SendAndTime(Process p, string signal, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        Send(p, signal);
        using var cts = new CancellationTokenSource(timeout);
        await p.WaitForExitAsync(cts.Token);
        return clock.Elapsed;
    }

    /// <summary>A (rows x cols) float64 .npy of blobs around 16 centres, large enough that a fit takes seconds.</summary>
    public static string WriteBlobs(string path, int rows, int cols, int seed = 1)
    {
        var rng = new Random(seed);
        var centres = Enumerable.Range(0, 16).Select(_ => Enumerable.Range(0, cols).Select(_ => rng.NextDouble() * 40 - 20).ToArray()).ToArray();
        var header = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({rows}, {cols}), }}";
        header = header.PadRight(64 * ((10 + header.Length + 1 + 63) / 64) - 10 - 1) + "\n";
        using var f = new BinaryWriter(File.Create(path));
        f.Write(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 });
        f.Write((ushort)header.Length);
        f.Write(System.Text.Encoding.ASCII.GetBytes(header));
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                f.Write(centres[i % 16][j] + rng.NextDouble() - 0.5);
        return path;
    }
}
