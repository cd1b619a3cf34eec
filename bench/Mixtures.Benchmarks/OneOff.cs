using System.Diagnostics;
using System.Globalization;
using Mixtures.Internal;
using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Covariance;

namespace Mixtures.Benchmarks;

/// <summary>
/// `oneoff [--data DIR] [--rows NAME:COV,...]`: the per-fit costs outside the EM iterations, each
/// timed on its first (cold: JIT) and a later (warm) call: input checks, distinct rows, data moments,
/// one EM pass, the final scoring pass. What a short CLI fit pays beyond n_iter x the steady pass.
/// </summary>
public static class OneOff
{
    public static int Run(string[] args)
    {
        string? dataDir = null;
        string[] rows = ["n1e6_d16:full", "n1e6_d16:diag", "n2e5_d64:full"];
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--data": dataDir = Next(); break;
                case "--rows": rows = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                default: Console.Error.WriteLine($"Unknown option '{args[i]}'. Use --data DIR, --rows NAME:COV,..."); return 2;
            }
        }
        foreach (string row in rows)
        {
            var parts = row.Split(':');
            var c = BenchData.Load(dataDir, parts[0], Enum.Parse<CovarianceType>(parts[1], true));
            Console.WriteLine($"{c.Name} {BenchData.CovName(c.Covariance)} N={c.N} D={c.D} K={c.K}   (ms: cold / warm)");
            Time("RequireData", () => InputValidation.RequireData(c.X));
            Time("RequireEnoughPoints", () => InputValidation.RequireEnoughPoints(c.X, null, c.K));
            Time("DataMoments", () => DataMoments.Compute(new ArrayRowSource(c.X, null), c.N, c.Covariance == CovarianceType.Tied));
            var family = new GaussianFamily(CovarianceModels.Get(c.Covariance), c.K, new ArrayRowSource(c.X, null), c.N, 1e-6);
            var m = new GaussianMixture(c.Options(1)).Fit(c.X);
            var evaluator = family.CreateEvaluator(m.Parameters);
            Time("Score (final pass)", () => MixtureScoring.Score(evaluator, c.X));
            Time("Fit 1 iteration", () => new GaussianMixture(c.Options(1)).Fit(c.X));
            Time("Fit 2 iterations", () => new GaussianMixture(c.Options(2)).Fit(c.X));
        }
        return 0;
    }

    static void Time(string what, Action a)
    {
        var sw = Stopwatch.StartNew();
        a();
        double cold = sw.Elapsed.TotalMilliseconds;
        double warm = double.PositiveInfinity;
        for (int i = 0; i < 3; i++)
        {
            sw.Restart();
            a();
            warm = Math.Min(warm, sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-22} {cold,9:F1} {warm,9:F1}"));
    }
}
