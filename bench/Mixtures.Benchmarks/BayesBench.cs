using System.Diagnostics;
using System.Globalization;

namespace Mixtures.Benchmarks;

/// <summary>
/// Seconds per iteration of a variational fit (<see cref="BayesianGaussianMixture"/>) against an EM fit
/// (<see cref="GaussianMixture"/>) on the same data and type:
/// <code>
/// Mixtures.Benchmarks bayes [--data DIR] [--iters N] [--threads T] [--repeat R] [--rows NAME:COV,...]
/// </code>
/// Both start near the same place (the variational fit from the labels of the EM init) and run tol = 0.
/// A fit of 1 + N iterations minus a fit of 1 iteration cancels what a fit costs once (data moments,
/// priors, initialization, final scoring); each is the fastest of R interleaved runs after a warm-up.
/// </summary>
public static class BayesBench
{
    public static int Run(string[] args)
    {
        string? dataDir = null;
        int iters = 10, repeat = 3;
        int? threads = null;
        string[] rows = ["n1e6_d16:full", "n1e6_d16:diag"];
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--data": dataDir = Next(); break;
                case "--iters": iters = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rows": rows = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                default:
                    Console.Error.WriteLine($"Unknown option '{args[i]}'. Use --data DIR, --iters N, --threads T, --repeat R, --rows NAME:COV,....");
                    return 2;
            }
        }
        Console.WriteLine($"{"dataset",-10} {"cov",-9} {"N",9} {"D",3} {"K",3} {"EM s/iter",10} {"VB s/iter",10} {"VB/EM",6}");
        foreach (string row in rows)
        {
            if (!QuickBench.TryParseRow(row, out string name, out var cov)) return 2;
            var c = BenchData.Load(dataDir, name, cov);
            var labels = new GaussianMixture(c.Options(1, threads)).InitialModel(c.X).Predict(c.X);
            double Em(int n) => Time(() => new GaussianMixture(c.Options(n, threads)).Fit(c.X));
            double Vb(int n) => Time(() => new BayesianGaussianMixture(new BayesianGaussianMixtureOptions
            {
                Components = c.K, CovarianceType = cov, Tolerance = 0, MaxIterations = n, InitialLabels = labels,
                MaxDegreeOfParallelism = threads,
            }).Fit(c.X));
            Em(2);
            Vb(2);   // warm-up: JIT and tiering
            double em1 = double.MaxValue, emN = double.MaxValue, vb1 = double.MaxValue, vbN = double.MaxValue;
            for (int r = 0; r < repeat; r++)
            {
                em1 = Math.Min(em1, Em(1));
                vb1 = Math.Min(vb1, Vb(1));
                emN = Math.Min(emN, Em(1 + iters));
                vbN = Math.Min(vbN, Vb(1 + iters));
            }
            double em = (emN - em1) / iters, vb = (vbN - vb1) / iters;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Name,-10} {BenchData.CovName(cov),-9} {c.N,9} {c.D,3} {c.K,3} {em,10:F5} {vb,10:F5} {vb / em,6:F3}"));
        }
        return 0;
    }

    static double Time(Action fit)
    {
        var sw = Stopwatch.StartNew();
        fit();
        return sw.Elapsed.TotalSeconds;
    }
}
