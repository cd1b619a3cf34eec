using System.Diagnostics;
using System.Globalization;

namespace Mixtures.Benchmarks;

/// <summary>
/// Stopwatch timing of whole fits: seconds per EM iteration for the issue's rows.
/// <code>
/// Mixtures.Benchmarks quick [--data DIR] [--iters N] [--threads T] [--rows NAME:COV,...] [--json]
/// </code>
/// DIR holds gen_data.py's NAME.npy and NAME.COV.init.json (the same data and init as the peers);
/// without it, or when a file is missing, the case is synthesized in process. Each row runs a short
/// warm-up fit, then timed fits of N iterations (tol = 0) until about a second has passed (at most 5),
/// and reports the fastest.
/// </summary>
public static class QuickBench
{
    static readonly string[] DefaultRows =
        ["n1e6_d16:full", "n1e6_d16:diag", "n2e5_d64:full",
         "small:full", "small:diag", "small:tied", "small:spherical"];

    /// <summary>`profile`: the per-stage single-thread breakdown of <see cref="Stages.Profile"/> for each row.</summary>
    public static int Profile(string[] args)
    {
        string? dataDir = null;
        int sampleRows = 65536;
        string[] rows = ["n1e6_d16:full", "n2e5_d64:full", "n1e6_d16:diag"];
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--data": dataDir = Next(); break;
                case "--lane-max-d": Mixtures.Internal.Gaussian.GaussianEvaluator.LaneMaxFeatures = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--lane-rows": Mixtures.Internal.Gaussian.GaussianEvaluator.LaneSubBlock = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--sample-rows": sampleRows = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rows": rows = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                default:
                    Console.Error.WriteLine($"Unknown option '{args[i]}'. Use --data DIR, --rows NAME:COV,..., --sample-rows N.");
                    return 2;
            }
        }
        foreach (string row in rows)
        {
            if (!TryParseRow(row, out string name, out var cov)) return 2;
            Stages.Profile(BenchData.Load(dataDir, name, cov), sampleRows);
        }
        return 0;
    }

    internal static bool TryParseRow(string row, out string name, out CovarianceType cov)
    {
        var parts = row.Split(':');
        name = parts[0];
        cov = default;
        if (parts.Length == 2 && BenchData.Shapes.ContainsKey(parts[0]) && Enum.TryParse(parts[1], true, out cov))
            return true;
        Console.Error.WriteLine($"Row '{row}' is not NAME:COV with NAME in {string.Join(", ", BenchData.Shapes.Keys)} and COV full|tied|diag|spherical.");
        return false;
    }

    public static int Run(string[] args)
    {
        string? dataDir = null;
        int iters = 10;
        int? threads = null;
        bool json = false;
        string[] rows = DefaultRows;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--data": dataDir = Next(); break;
                case "--iters": iters = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--lane-max-d": Mixtures.Internal.Gaussian.GaussianEvaluator.LaneMaxFeatures = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rows": rows = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                case "--json": json = true; break;
                default:
                    Console.Error.WriteLine($"Unknown option '{args[i]}'. Use --data DIR, --iters N, --threads T, --rows NAME:COV,..., --json.");
                    return 2;
            }
        }

        if (!json)
            Console.WriteLine($"{"dataset",-10} {"cov",-9} {"N",9} {"D",3} {"K",3} {"iter",4} {"s/iter",10} {"GFLOP/s",8} {"lower bound",14} {"alloc MiB",9} {"peak WS MiB",11}");
        foreach (string row in rows)
        {
            if (!TryParseRow(row, out string name, out var cov)) return 2;
            var c = BenchData.Load(dataDir, name, cov);

            new GaussianMixture(c.Options(2, threads)).Fit(c.X); // warm-up: JIT and tiering
            double best = double.PositiveInfinity, total = 0, lowerBound = double.NaN;
            int nIter = iters;
            long alloc = 0;
            for (int rep = 0; rep < 5 && (rep == 0 || total < 1.0); rep++)
            {
                long a0 = GC.GetTotalAllocatedBytes(true);
                var sw = Stopwatch.StartNew();
                var model = new GaussianMixture(c.Options(iters, threads)).Fit(c.X);
                double s = sw.Elapsed.TotalSeconds;
                alloc = GC.GetTotalAllocatedBytes(true) - a0;
                total += s;
                nIter = model.Iterations;
                lowerBound = model.LowerBound;
                best = Math.Min(best, s / nIter);
            }
            double gflops = c.FlopsPerIteration / best / 1e9;
            double peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
            if (json)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"peer\": \"mixtures\", \"dataset\": \"{c.Name}\", \"cov\": \"{BenchData.CovName(cov)}\", \"n\": {c.N}, \"d\": {c.D}, \"k\": {c.K}, \"n_iter\": {nIter}, \"s_per_iter\": {best:R}, \"gflops\": {gflops:F3}, \"lower_bound\": {lowerBound:R}, \"alloc_mib\": {alloc / 1048576.0:F1}, \"peak_ws_mib\": {peak:F0}}}"));
            else
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.Name,-10} {BenchData.CovName(cov),-9} {c.N,9} {c.D,3} {c.K,3} {nIter,4} {best,10:F5} {gflops,8:F2} {lowerBound,14:F6} {alloc / 1048576.0,9:F1} {peak,11:F0}"));
        }
        return 0;
    }
}
