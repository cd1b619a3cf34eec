using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Initialization;

namespace Mixtures.Internal.Fitting;

/// <summary>
/// The estimator pipeline every family shares, as scikit-learn's <c>BaseMixture.fit</c>: validation,
/// initialization (explicit parameters, or responsibilities from InitialLabels or the init method fed to the M-step),
/// NInit restarts through the one EM loop keeping the best lower bound, warm start, the
/// non-convergence warning and the fit's bookkeeping. Families plug in through <see cref="IFitSpec{TParams, TModel}"/>.
/// </summary>
internal sealed class FitDriver<TParams, TModel>(IFitSpec<TParams, TModel> spec, MixtureOptions options) : FitPipeline<TModel>
    where TParams : class where TModel : MixtureModel
{
    public override TModel Fit(IRowSource rows, TModel? warmFrom, ILogger logger,
        IProgress<EmIteration>? progress, CancellationToken ct)
    {
        using var cancellation = FitCancellation.Enter(ct);
        var clock = Stopwatch.StartNew();
        var (source, family, totalWeight) = Prepare(rows);
        TParams? warm = null;
        if (warmFrom is not null)
        {
            warm = warmFrom.Features == source.Features && warmFrom.Components == options.Components ? spec.WarmStart(warmFrom) : null;
            if (warm is null)
                throw new ArgumentException($"Warm start needs data with the same number of features, and the same {spec.WarmStartTerms}, as the previous fit.", "x");
        }
        var settings = new EmSettings(options.MaxIterations, options.Tolerance, options.Degenerate);
        using var em = new ExpectationMaximization<TParams>(family, source, totalWeight, options.MaxDegreeOfParallelism);
        // Without a seed one is drawn and recorded in the model, so every fit can be repeated exactly.
        int seed = options.Seed ?? Random.Shared.Next();
        var rng = new Random(seed);
        int runs = warm is null ? options.NInit : 1;
        EmResult<TParams>? best = null;
        for (int init = 0; init < runs; init++)
        {
            ct.ThrowIfCancellationRequested();
            var start = warm ?? Initialize(family, source, rng);
            var result = em.Run(start, settings, init, progress, ct);
            if (best is null || result.LowerBound > best.LowerBound || double.IsNegativeInfinity(best.LowerBound))
                best = result;
        }
        if (!best!.Converged)
            logger.LogWarning("EM did not converge after {Iterations} iterations (tol {Tol}); try a larger MaxIterations or Tolerance, or check the data.",
                best.Iterations, settings.Tolerance);
        double score = MixtureScoring.Score(family.CreateEvaluator(best.Parameters), source);
        var info = new FitInfo(best.LowerBound, best.History, best.Converged, best.Iterations, best.Reseeds,
            clock.Elapsed.TotalSeconds, score, checked((int)source.Rows), null, seed);
        return spec.CreateModel(best.Parameters, info);
    }

    /// <summary>Where the first restart of <see cref="Fit"/> starts with the same options (the generator is seeded as Fit seeds its own).</summary>
    public override TModel Initial(IRowSource rows)
    {
        var (source, family, _) = Prepare(rows);
        int seed = options.Seed ?? Random.Shared.Next();
        return spec.CreateModel(Initialize(family, source, new Random(seed)), FitInfo.None with { Seed = seed });
    }

    (IRowSource Source, IMixtureFamily<TParams> Family, double TotalWeight) Prepare(IRowSource rows)
    {
        ArgumentNullException.ThrowIfNull(rows, "x");
        var source = spec.PrepareData(rows);
        double totalWeight = SourceChecks.RequireWeights(source);
        SourceChecks.RequireEnoughPoints(source, options.Components);
        return (source, spec.CreateFamily(source, totalWeight), totalWeight);
    }

    TParams Initialize(IMixtureFamily<TParams> family, IRowSource source, Random rng)
    {
        int k = options.Components, d = source.Features;
        TParams? fromData = null;
        if (options.InitialWeights is null || options.InitialMeans is null || !spec.HasExplicitRest)
            fromData = FromResponsibilities(family, source, options.InitialLabels is { } labels
                ? InitialResponsibilities.FromLabels(labels, source.Rows, k)
                : InitialResponsibilities.Create(options.Init, source, k, rng, options.MaxDegreeOfParallelism));
        double[]? weights = null, means = null;
        if (options.InitialWeights is { } iw)
        {
            ParameterChecks.Weights(iw, k, nameof(MixtureOptions.InitialWeights));
            weights = (double[])iw.Clone();
        }
        if (options.InitialMeans is { } im)
        {
            const string name = nameof(MixtureOptions.InitialMeans);
            ParameterChecks.Means(im, k, d, name);
            for (int i = 0; i < k; i++)
                for (int j = 0; j < d; j++)
                    if (spec.CheckMean(im[i, j]) is { } problem)
                        throw new ArgumentException($"{name}[{i}, {j}] = {im[i, j]}: {problem}", name);
            means = MatrixSpan.ToFlat(im);
        }
        return spec.Compose(fromData, k, d, weights, means);
    }

    /// <summary>The M-step on initial responsibilities, summed over the rows in order.</summary>
    static TParams FromResponsibilities(IMixtureFamily<TParams> family, IRowSource source, InitialResponsibilities.Block block)
    {
        int k = family.Components, d = source.Features;
        var stats = family.CreateStatistics();
        stats.Begin(null);
        var resp = new double[ChunkPlan.BlockRows * k];
        var scratch = new double[stats.ScratchLength(ChunkPlan.BlockRows)];
        RowScan.InOrder(source, (first, n, range) =>
        {
            for (int o = 0; o < n; o += ChunkPlan.BlockRows)
            {
                int m = Math.Min(ChunkPlan.BlockRows, n - o);
                var rows = new RowRange(range.Values.Slice(o * d, m * d), range.Weights.IsEmpty ? default : range.Weights.Slice(o, m));
                block(first + o, m, rows, resp);
                stats.Accumulate(range.Values.Slice(o * d, m * d), m, resp.AsSpan(0, m * k), scratch);
            }
        });
        var degenerate = new List<Degeneracy>();
        var p = family.MStep(stats, null, degenerate);
        foreach (var dg in degenerate)
            if (dg.Fatal)
                throw new DegenerateFitException($"Initialization failed: {dg.Reason} Try a larger reg_covar or another init method.", dg.Component);
        return p ?? throw new InvalidOperationException("The M-step gave no parameters and reported no fatal degeneracy.");
    }
}

/// <summary>The fit driver as the public estimators see it (without the family's parameter type).</summary>
internal abstract class FitPipeline<TModel> where TModel : MixtureModel
{
    public abstract TModel Fit(IRowSource rows, TModel? warmFrom, ILogger logger, IProgress<EmIteration>? progress, CancellationToken ct);

    public abstract TModel Initial(IRowSource rows);
}
