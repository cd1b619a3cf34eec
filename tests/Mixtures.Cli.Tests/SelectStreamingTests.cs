using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// select streams a file that would take more than half of the available memory, as fit does: under a small GC heap
/// limit (DOTNET_GCHeapHardLimit) it says so in one line and picks the same model as the in-memory run.
/// </summary>
public class SelectStreamingTests
{
    [Fact]
    public void Select_OnDataPastHalfTheMemory_Streams_AndPicksTheSameModel()
    {
        using var dir = new TempDir();
        var rng = new Random(5);
        var rows = Enumerable.Range(0, 150_000).Select(i => Enumerable.Range(0, 8).Select(j => (i % 3) * 4.0 + rng.NextDouble()).ToArray()).ToArray();
        var npy = dir.File("x.npy");   // 9.6 MB of values: more than half of a 16 MiB heap
        File.WriteAllBytes(npy, NpyTests.Npy(rows));
        string[] args = ["select", npy, "-k", "2..3", "--covariance-types", "diag", "--seed", "1", "--json"];
        var memory = Tool.Run(dir.Path, args);
        Assert.True(memory.ExitCode == 0, memory.ToString());
        var limited = Tool.Run(dir.Path, TimeSpan.FromSeconds(120), new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x1000000" }, args);
        Assert.True(limited.ExitCode == 0, limited.ToString());
        Assert.Contains("streaming it from the file", limited.Stderr);
        static (int K, string Type, double Bic) Best(string json)
        {
            using var doc = JsonDocument.Parse(json);
            var best = doc.RootElement.GetProperty("best");
            return (best.GetProperty("k").GetInt32(), best.GetProperty("covariance_type").GetString()!, best.GetProperty("bic").GetDouble());
        }
        var (a, b) = (Best(memory.Stdout), Best(limited.Stdout));
        Assert.Equal((a.K, a.Type), (b.K, b.Type));
        // Streamed, the criterion comes from the fit's own pass over the rows: the same likelihood, summed in another order.
        Assert.Equal(a.Bic, b.Bic, a.Bic * 1e-12);
    }
}
