using System.Diagnostics;
using System.Globalization;

namespace Mixtures.Benchmarks;

/// <summary>
/// `memory [--data DIR] [--rows NAME:COV,...] [--iters N]`: one cold fit per row in a fresh process
/// (run it once per row), printing the process's resident and peak memory and the GC's view (heap,
/// committed, collections) after loading the data and after the fit: where memory beyond the data goes.
/// </summary>
public static class MemoryProbe
{
    public static int Run(string[] args)
    {
        string? dataDir = null;
        string row = "n2e5_d64:full";
        int iters = 20;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--data": dataDir = Next(); break;
                case "--rows": row = Next(); break;
                case "--iters": iters = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"Unknown option '{args[i]}'. Use --data DIR, --rows NAME:COV, --iters N."); return 2;
            }
        }
        Report("start");
        var parts = row.Split(':');
        var c = BenchData.Load(dataDir, parts[0], Enum.Parse<CovarianceType>(parts[1], true));
        Report($"loaded {c.Name} ({(double)c.N * c.D * 8 / 1048576:F0} MiB of data)");
        var model = new GaussianMixture(c.Options(iters)).Fit(c.X);
        Report($"fitted ({model.Iterations} iterations)");
        GC.KeepAlive(c);
        return 0;
    }

    static void Report(string what)
    {
        var p = Process.GetCurrentProcess();
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-40} RSS {p.WorkingSet64 / 1048576.0,6:F0} peak {p.PeakWorkingSet64 / 1048576.0,6:F0} | GC heap {gc.HeapSizeBytes / 1048576.0,6:F1} committed {gc.TotalCommittedBytes / 1048576.0,6:F1} " +
            $"allocated {GC.GetTotalAllocatedBytes() / 1048576.0,7:F1} MiB; collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
    }
}
