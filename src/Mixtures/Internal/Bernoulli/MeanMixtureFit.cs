using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Mixtures.Internal.Initialization;

namespace Mixtures.Internal.Bernoulli;

/// <summary>
/// The estimator side shared by the Bernoulli and Poisson mixtures: checks, initialization (explicit
/// weights and means, or responsibilities from k-means / k-means++ / random / random_from_data fed
/// to the M-step), restarts through the one EM loop, and the fit's bookkeeping.
/// </summary>
internal static class MeanMixtureFit
{
    /// <summary>The family-independent options, as both option records give them.</summary>
    public sealed record Settings(
        int Components, double Tolerance, int MaxIterations, int NInit, InitMethod Init,
        double[]? InitialWeights, double[,]? InitialMeans, int? Seed, int? MaxDegreeOfParallelism,
        DegenerateHandling Degenerate);

    /// <summary>Says what is wrong with an explicit initial mean value, or null if it is fine.</summary>
    public delegate string? MeanCheck(double value);

    public static (MeanParameters Parameters, FitInfo Info) Run(
        MeanFamily family, double[,] x, double[]? sampleWeight, double totalWeight, Settings s, MeanCheck checkMean,
        MeanParameters? warmStart, ILogger logger, IProgress<EmIteration>? progress, CancellationToken ct, Stopwatch clock)
    {
        InputValidation.RequireEnoughPoints(x, sampleWeight, s.Components);
        var settings = new EmSettings(s.MaxIterations, s.Tolerance, s.Degenerate);
        return Restarts.Run(family, x, sampleWeight, totalWeight, settings, s.NInit, s.Seed, s.MaxDegreeOfParallelism,
            rng => Initialize(family, x, sampleWeight, s, checkMean, rng), warmStart, logger, progress, ct, clock);
    }

    /// <summary>
    /// The parameters the first restart of <see cref="Run"/> starts from with the same settings: the same checks, and
    /// the init method fed a generator seeded as Restarts seeds its own (so with a fixed seed it is exactly that start).
    /// </summary>
    public static MeanParameters InitialParameters(MeanFamily family, double[,] x, double[]? sampleWeight, Settings s, MeanCheck checkMean)
    {
        InputValidation.RequireEnoughPoints(x, sampleWeight, s.Components);
        var rng = new Random(s.Seed ?? Random.Shared.Next());
        return Initialize(family, x, sampleWeight, s, checkMean, rng);
    }

    static MeanParameters Initialize(MeanFamily family, double[,] x, double[]? w, Settings s, MeanCheck checkMean, Random rng)
    {
        int k = s.Components, d = family.Features;
        MeanParameters? fromData = null;
        if (s.InitialWeights is null || s.InitialMeans is null)
            fromData = FromResponsibilities(family, x, InitialResponsibilities.Create(s.Init, x, w, k, rng, s.MaxDegreeOfParallelism));
        double[] weights = fromData?.Weights ?? [];
        if (s.InitialWeights is { } iw)
        {
            ParameterChecks.Weights(iw, k, "InitialWeights");
            weights = (double[])iw.Clone();
        }
        double[] means = fromData?.Means ?? [];
        if (s.InitialMeans is { } im)
        {
            CheckMeans(im, k, d, checkMean, "InitialMeans");
            means = MatrixSpan.ToFlat(im);
        }
        return new MeanParameters(k, d, weights, means);
    }

    /// <summary>Shape and per-value checks of explicit means, naming the entry at fault.</summary>
    public static void CheckMeans(double[,] means, int k, int d, MeanCheck checkMean, string name)
    {
        ParameterChecks.Means(means, k, d, name);
        for (int i = 0; i < k; i++)
            for (int j = 0; j < d; j++)
                if (checkMean(means[i, j]) is { } problem)
                    throw new ArgumentException($"{name}[{i}, {j}] = {means[i, j]}: {problem}", name);
    }

    static MeanParameters FromResponsibilities(MeanFamily family, double[,] x, InitialResponsibilities.Block block)
    {
        int k = family.Components, n = x.GetLength(0);
        var stats = family.CreateStatistics();
        stats.Begin(null!);
        var resp = new double[ChunkPlan.BlockRows * k];
        for (int b = 0; b < n; b += ChunkPlan.BlockRows)
        {
            int m = Math.Min(ChunkPlan.BlockRows, n - b);
            block(b, m, resp);
            stats.Accumulate(MatrixSpan.Rows(x, b, m), m, resp.AsSpan(0, m * k), Span<double>.Empty);
        }
        return family.MStep(stats, null, [])!;
    }
}
