using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Mixtures.Internal;

/// <summary>
/// The estimator side every family shares: NInit restarts through the one EM loop (or one run from
/// a warm start), keeping the best lower bound as scikit-learn does, the non-convergence warning,
/// and the fit's bookkeeping (training score, timing).
/// </summary>
internal static class Restarts
{
    public static (TParams Parameters, FitInfo Info) Run<TParams>(
        IMixtureFamily<TParams> family, double[,] x, double[]? sampleWeight, double totalWeight,
        EmSettings settings, int nInit, int? seed, int? maxThreads, Func<Random, TParams> initialize, TParams? warmStart,
        ILogger logger, IProgress<EmIteration>? progress, CancellationToken ct, Stopwatch clock)
        where TParams : class
    {
        var em = new ExpectationMaximization<TParams>(family, x, sampleWeight, totalWeight, maxThreads);
        var rng = new Random(seed ?? Random.Shared.Next());
        int runs = warmStart is null ? nInit : 1;
        EmResult<TParams>? best = null;
        for (int init = 0; init < runs; init++)
        {
            ct.ThrowIfCancellationRequested();
            var start = warmStart ?? initialize(rng);
            var result = em.Run(start, settings, init, progress, ct);
            if (best is null || result.LowerBound > best.LowerBound || double.IsNegativeInfinity(best.LowerBound))
                best = result;
        }
        if (!best!.Converged)
            logger.LogWarning("EM did not converge after {Iterations} iterations (tol {Tol}); try a larger MaxIterations or Tolerance, or check the data.",
                best.Iterations, settings.Tolerance);
        double score = MixtureScoring.Score(family.CreateEvaluator(best.Parameters), x);
        var info = new FitInfo(best.LowerBound, best.History, best.Converged, best.Iterations, best.Reseeds,
            clock.Elapsed.TotalSeconds, score, x.GetLength(0), null);
        return (best.Parameters, info);
    }
}
