using System.Diagnostics;
using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// fit --out-of-core needs memory of the order of a chunk, not of the data: a 200 MB .npy is fitted inside a
/// 64 MiB memory cgroup, and the model equals the in-memory fit run outside it bit for bit.
/// </summary>
public class OutOfCoreMemoryTests
{
    private const long Rows = 1_600_000;
    private const int Columns = 16;

    [CgroupFact]
    public void TwoHundredMegabyteNpy_FitsInA64MiBCgroup_AsInMemory()
    {
        using var dir = new TempDir();
        var npy = dir.File("big.npy");
        WriteNpy(npy);
        string[] fit = ["fit", npy, "-k", "4", "--covariance-type", "diag", "--max-iter", "2", "--seed", "1", "--quiet"];
        var inMemory = Tool.Run(dir.Path, TimeSpan.FromMinutes(3), [.. fit, "-o", dir.File("mem.json")]);
        Assert.True(inMemory.ExitCode == 0, inMemory.ToString());

        var cgroup = Path.Combine(CgroupFactAttribute.Root, $"mixtures-test-{Environment.ProcessId}");
        Directory.CreateDirectory(cgroup);
        try
        {
            File.WriteAllText(Path.Combine(cgroup, "memory.limit_in_bytes"), (64L << 20).ToString());
            var dll = Path.Combine(AppContext.BaseDirectory, "Mixtures.Cli.dll");
            var args = string.Join(' ', fit.Select(a => $"'{a}'"));
            // The shell joins the cgroup and then becomes the tool, so every byte the tool uses counts against the limit.
            var script = $"echo $$ > {cgroup}/cgroup.procs && exec dotnet exec '{dll}' {args} --out-of-core -o '{dir.File("ooc.json")}'";
            using var p = Process.Start(new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardError = true, WorkingDirectory = dir.Path })!;
            var err = p.StandardError.ReadToEnd();
            Assert.True(p.WaitForExit(180_000), "the streamed fit did not finish in 3 minutes");
            Assert.True(p.ExitCode == 0, $"exit {p.ExitCode}: {err}");
            long peak = long.Parse(File.ReadAllText(Path.Combine(cgroup, "memory.max_usage_in_bytes")));
            Assert.True(peak <= 64L << 20, $"peak {peak} bytes");
        }
        finally
        {
            Directory.Delete(cgroup); // empty once the process has exited
        }
        Assert.Equal(Parameters(dir.File("mem.json")), Parameters(dir.File("ooc.json")));
    }

    /// <summary>The model without its timing.</summary>
    private static string Parameters(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return string.Join("|", doc.RootElement.EnumerateObject().Where(p => p.Name != "fit_seconds").Select(p => $"{p.Name}={p.Value.GetRawText()}"));
    }

    /// <summary>Eight clusters in 16 dimensions, written block by block so the test itself stays small.</summary>
    private static void WriteNpy(string path)
    {
        var header = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({Rows}, {Columns}), }}";
        header += new string(' ', (64 - (10 + header.Length + 1) % 64) % 64) + "\n";
        using var f = new BufferedStream(File.Create(path), 1 << 20);
        f.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        f.Write(BitConverter.GetBytes((ushort)header.Length));
        f.Write(System.Text.Encoding.ASCII.GetBytes(header));
        var rng = new Random(7);
        var centres = new double[8, Columns];
        for (int c = 0; c < 8; c++) for (int j = 0; j < Columns; j++) centres[c, j] = rng.NextDouble() * 20;
        var row = new byte[Columns * sizeof(double)];
        for (long i = 0; i < Rows; i++)
        {
            int c = rng.Next(8);
            for (int j = 0; j < Columns; j++) BitConverter.TryWriteBytes(row.AsSpan(j * 8), centres[c, j] + rng.NextDouble() - 0.5);
            f.Write(row);
        }
    }
}
