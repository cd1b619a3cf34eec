using System.Diagnostics;
using System.Globalization;
using Mixtures.Data;

namespace Mixtures.Benchmarks;

/// <summary>
/// How close stepwise EM comes to batch EM, and at what cost:
/// <code>
/// Mixtures.Benchmarks online [--n N] [--cov full|diag] [--batches 10000,100000] [--passes 1,2] [--seed S]
/// </code>
/// Synthesizes the 16-cluster D = 16 set (BenchData.Synthesize, seed 3), fits batch EM (k-means init, tol 1e-3,
/// at most 300 iterations) and online EM for each batch size and pass count with the same seed, and prints the
/// mean log-likelihood of every model on all the rows, the gap to batch EM and the wall time (load average beside).
/// </summary>
public static class OnlineBench
{
    public static int Run(string[] args)
    {
        int n = 1_000_000, seed = 0;
        var cov = CovarianceType.Full;
        int[] batches = [10_000, 100_000], passes = [1, 2];
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--n": n = (int)double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cov": cov = Enum.Parse<CovarianceType>(Next(), true); break;
                case "--batches": batches = Next().Split(',').Select(int.Parse).ToArray(); break;
                case "--passes": passes = Next().Split(',').Select(int.Parse).ToArray(); break;
                case "--seed": seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: Console.Error.WriteLine($"Unknown option '{args[i]}'."); return 2;
            }
        }
        var c = BenchData.Synthesize("online", n, 16, 16, 3, cov);
        var options = new GaussianMixtureOptions { Components = 16, CovarianceType = cov, Seed = seed, MaxIterations = 300 };
        static string Load() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var sw = Stopwatch.StartNew();
        var batch = new GaussianMixture(options).Fit(c.X);
        double batchSeconds = sw.Elapsed.TotalSeconds, batchScore = batch.Score(c.X);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"N = {n}, D = 16, K = 16, {BenchData.CovName(cov)}, seed {seed}"));
        Console.WriteLine($"{"fit",-28} {"mean loglik",12} {"gap",9} {"seconds",8} {"M-steps",8} load");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"batch EM",-28} {batchScore,12:F5} {0.0,9:F5} {batchSeconds,8:F1} {batch.Iterations,8} {Load()}"));
        foreach (int b in batches)
            foreach (int p in passes)
            {
                sw.Restart();
                var m = new GaussianMixture(options).FitOnline(new ArrayRowSource(c.X), new OnlineEmOptions { BatchSize = b, Passes = p });
                double s = sw.Elapsed.TotalSeconds, score = m.Score(c.X);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{$"online B={b} passes={p}",-28} {score,12:F5} {batchScore - score,9:F5} {s,8:F1} {m.Iterations,8} {Load()}"));
            }
        return 0;
    }
}
