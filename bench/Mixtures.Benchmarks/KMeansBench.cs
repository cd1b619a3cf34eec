using System.Diagnostics;
using System.Globalization;

namespace Mixtures.Benchmarks;

/// <summary>
/// `Mixtures.Benchmarks kmeans DATA.npy K [--json]`: seconds of one KMeans fit (k-means++ seeding, Lloyd,
/// NInit = 1, Seed = 0, default tolerance and iterations: scikit-learn's KMeans(n_init=1) policy), after a
/// warm-up fit on the first 10000 rows. Reported as "s_per_iter" = the whole fit, as the sklearn peer does.
/// </summary>
public static class KMeansBench
{
    public static int Run(string[] args)
    {
        if (args.Length < 2) { Console.Error.WriteLine("usage: kmeans DATA.npy K [--json]"); return 2; }
        var x = BenchData.ReadNpy(args[0]);
        int k = int.Parse(args[1], CultureInfo.InvariantCulture);
        int n = x.GetLength(0), d = x.GetLength(1);
        var warm = new double[Math.Min(n, 10000), d];
        for (int i = 0; i < warm.GetLength(0); i++) for (int j = 0; j < d; j++) warm[i, j] = x[i, j];
        new KMeans(new KMeansOptions { Clusters = k, Seed = 0 }).Fit(warm);
        var sw = Stopwatch.StartNew();
        var m = new KMeans(new KMeansOptions { Clusters = k, Seed = 0 }).Fit(x);
        double s = sw.Elapsed.TotalSeconds;
        if (args.Contains("--json"))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"peer\": \"mixtures\", \"n\": {n}, \"d\": {d}, \"k\": {k}, \"cov\": \"kmeans\", \"n_iter\": {m.Iterations}, \"fit_seconds\": {s:R}, \"s_per_iter\": {s:R}, \"inertia\": {m.Inertia:R}}}"));
        else
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Mixtures KMeans K={k}: {s:F3} s, {m.Iterations} iterations, inertia {m.Inertia:G6}"));
        return 0;
    }
}
