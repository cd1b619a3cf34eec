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
        using var threads = FitThreads.Enter(options.MaxDegreeOfParallelism);
        var clock = Stopwatch.StartNew();
        var (source, family, totalWeight) = Prepare(rows);
        TParams? warm = null;
        if (warmFrom is not null)
        {
            warm = warmFrom.Features == source.Features && warmFrom.Components == options.Components ? spec.WarmStart(warmFrom) : null;
            if (warm is null)
                throw new ArgumentException($"Warm start needs data with the same number of features, and the same {spec.WarmStartTerms}, as the previous fit.", "x");
        }
        var settings = new EmSettings(options.MaxIterations, options.Tolerance, options.Degenerate, spec.Rule);
        using var em = new ExpectationMaximization<TParams>(family, source, totalWeight, options.MaxDegreeOfParallelism)
        {
            Remote = Remote.RemoteFit.Current?.Create<TParams>(p => spec.CreateModel(p, FitInfo.None), source.Rows, source.Features, new ChunkPlan(source.Rows).Count),
        };
        // Without a seed one is drawn and recorded in the model, so every fit can be repeated exactly.
        int seed = options.Seed ?? Random.Shared.Next();
        var rng = new Random(seed);
        int runs = warm is null ? options.NInit : 1;
        EmResult<TParams>? best = null;
        // A fit whose passes run on a cluster (em.Remote) keeps its restarts in order: each pass is then one round
        // trip to the workers, and the workers, not this process, do the work.
        if (runs > 1 && em.Remote is null && RestartsInParallel(source, family))
            best = ParallelRestarts(family, source, totalWeight, settings, rng, runs, progress, ct);
        else
            for (int init = 0; init < runs; init++)
            {
                ct.ThrowIfCancellationRequested();
                var start = warm ?? Initialize(family, source, rng);
                var result = em.Run(start, settings, init, progress, ct);
                if (Improves(result, best)) best = result;
            }
        if (!best!.Converged)
            logger.LogWarning("EM did not converge after {Iterations} iterations (tol {Tol}); try a larger MaxIterations or Tolerance, or check the data.",
                best.Iterations, settings.Tolerance);
        var (logLik, classLogLik) = MixtureScoring.Totals(family.CreateEvaluator(best.Parameters), source);
        int n = checked((int)source.Rows);
        double bic = MixtureScoring.Bic(logLik / n, n, family.ParameterCount);
        var info = new FitInfo(best.LowerBound, best.History, best.Converged, best.Iterations, best.Reseeds,
            clock.Elapsed.TotalSeconds, logLik / n, n, null, seed, MixtureScoring.Icl(bic, classLogLik));
        return spec.CreateModel(best.Parameters, info);
    }

    /// <summary>
    /// mclust's last step of <c>Mclust</c>: when the weights disagree with the mean responsibilities,
    /// sum_k (pi_k - mean_i z_ik)^2 &gt; sqrt(eps), or always when the start came from a subset, the parameters are
    /// replaced by one M-step from the final responsibilities (stateful models start cold). The fit's information
    /// (loglik, BIC, ICL, iterations) stays that of the EM run, as mclust keeps it. The fitted model is returned
    /// unchanged when no refresh is due or when that M-step fails.
    /// </summary>
    public TModel Refresh(IRowSource rows, TParams parameters, FitInfo info, double[] weights, bool subsetStart)
    {
        var (source, family, _) = Prepare(rows);
        int k = family.Components, n = checked((int)source.Rows);
        var z = new double[(long)n * k];
        MixtureScoring.Evaluate(family.CreateEvaluator(parameters), source, (first, count, resp, _) => resp.CopyTo(z.AsSpan(checked((int)first) * k, count * k)));
        double gap = 0;
        for (int c = 0; c < k; c++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += z[(long)i * k + c];
            gap += (weights[c] - mean / n) * (weights[c] - mean / n);
        }
        if (!subsetStart && !(gap > Math.Sqrt(Math.Pow(2, -52)))) return spec.CreateModel(parameters, info);
        try
        {
            var refreshed = FromResponsibilities(family, source, (first, count, range, resp) =>
            {
                for (int i = 0; i < count; i++)
                    for (int c = 0; c < k; c++) resp[i * k + c] = z[(first + i) * k + c] * range.Weight(i);
            });
            return spec.CreateModel(refreshed, info);
        }
        catch (DegenerateFitException)
        {
            return spec.CreateModel(parameters, info);
        }
    }

    /// <summary>Whether a restart's result replaces the best so far: a higher lower bound, or any bound after a -inf one.</summary>
    static bool Improves(EmResult<TParams> result, EmResult<TParams>? best) =>
        best is null || result.LowerBound > best.LowerBound || double.IsNegativeInfinity(best.LowerBound);

    /// <summary>
    /// Restarts of a small fit run side by side, one thread each: one pass is then too little work to share
    /// among the cores (a 1e4 x 2 pass is well under a millisecond), while restarts are independent. A pass of
    /// this size or more keeps every core busy by itself (and a restart's parameters at large D are big).
    /// </summary>
    bool RestartsInParallel(IRowSource source, IMixtureFamily<TParams> family)
    {
        int threads = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount;
        double d = source.Features;
        return threads > 1 && d <= 64 && source.Rows * (double)family.Components * d * d <= 2e8;
    }

    /// <summary>
    /// The restarts of <see cref="Fit"/> with their EM runs in parallel and the same result as one after another:
    /// the starts are drawn first, in order, from the one generator (EM never draws from it); each run is
    /// deterministic on any thread count; the best is chosen in restart order; the first failure in restart order
    /// is the one thrown (a failing start stops the starts after it, as it would have stopped the loop).
    /// </summary>
    EmResult<TParams> ParallelRestarts(IMixtureFamily<TParams> family, IRowSource source, double totalWeight, EmSettings settings,
        Random rng, int runs, IProgress<EmIteration>? progress, CancellationToken ct)
    {
        var starts = new List<TParams>(runs);
        Exception? startFailure = null;
        for (int init = 0; init < runs && startFailure is null; init++)
        {
            ct.ThrowIfCancellationRequested();
            try { starts.Add(Initialize(family, source, rng)); }
            catch (Exception e) when (e is not OperationCanceledException) { startFailure = e; }
        }
        var results = new EmResult<TParams>?[starts.Count];
        var failures = new Exception?[starts.Count];
        int threads = Math.Min(options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, starts.Count);
        Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, init =>
        {
            using var one = FitThreads.Enter(1);
            try
            {
                using var run = new ExpectationMaximization<TParams>(family, source, totalWeight, 1);
                results[init] = run.Run(starts[init], settings, init, progress, ct);
            }
            catch (Exception e) { failures[init] = e; }
        });
        ct.ThrowIfCancellationRequested();
        EmResult<TParams>? best = null;
        for (int init = 0; init < starts.Count; init++)
        {
            if (failures[init] is { } e) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
            var result = results[init]!;
            if (Improves(result, best)) best = result;
        }
        if (startFailure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(startFailure);
        return best!;
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
            fromData = FromLabelsOrInit(family, source, rng);
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

    /// <summary>
    /// The first parameters from given labels (the test hook), from mclust's hierarchical start, or from the
    /// init method's responsibilities.
    /// </summary>
    TParams FromLabelsOrInit(IMixtureFamily<TParams> family, IRowSource source, Random rng)
    {
        int k = options.Components;
        if (options.InitialLabels is { } given)
            return FromResponsibilities(family, source, InitialResponsibilities.FromLabels(given, source.Rows, k));
        var (labels, subset) = (options.StartLabels, options.StartSubset);
        InitialSample? sample = null;
        if (labels is null && options.Init == InitMethod.Hierarchical)
        {
            if (!spec.SupportsHierarchical)
                throw new ArgumentException("InitMethod.Hierarchical is mclust's Gaussian start; use another init method for this family.", nameof(MixtureOptions.Init));
            // hc is O(N^2): it runs on the initial sample (every row up to its size), or on mclust's 2000-row subset.
            sample = InitialSample.Read(source);
            int rows = sample.X.GetLength(0);
            subset = source.Features == 1 ? null : Initialization.Hierarchical.HierarchicalStart.Subset(rows, rng.Next());
            if (subset is null && rows != source.Rows)
                subset = Enumerable.Range(0, rows).ToArray();
            labels = Initialization.Hierarchical.HierarchicalStart.Labels(sample.X, k, subset);
            if (subset is not null)
                for (int s = 0; s < subset.Length; s++) subset[s] = checked((int)sample.SourceRow(subset[s]));
        }
        if (labels is null)
            return FromResponsibilities(family, source, InitialResponsibilities.Create(options.Init, source, k, rng, options.MaxDegreeOfParallelism));
        if (subset is null)
        {
            if (labels.Length != source.Rows || labels.Any(l => l < 0 || l >= k))
                throw new ArgumentException($"Initial labels: one label in 0..{k - 1} per row is needed.", "x");
            return FromResponsibilities(family, source, InitialResponsibilities.Hard(labels, k));
        }
        return FromSubset(family, source, labels, subset);
    }

    /// <summary>
    /// mclust's subset start: one M-step on the labelled subset rows alone (a family of their own: its data
    /// moments are the subset's), one E-step on every row, and the M-step from those responsibilities (a
    /// fresh one: stateful models start cold).
    /// </summary>
    TParams FromSubset(IMixtureFamily<TParams> family, IRowSource source, int[] labels, int[] subset)
    {
        int d = source.Features, k = family.Components;
        var rows = new double[subset.Length, d];
        var weights = new double[subset.Length];
        using (var reader = source.OpenReader())
            for (int s = 0; s < subset.Length; s++)
            {
                var r = reader.Read(subset[s], 1);
                for (int j = 0; j < d; j++) rows[s, j] = r.Values[j];
                weights[s] = r.Weight(0);
            }
        var subsetSource = new ArrayRowSource(rows, weights);
        var onSubset = FromResponsibilities(spec.CreateFamily(subsetSource, weights.Sum()), subsetSource, InitialResponsibilities.Hard(labels, k));
        var z = new double[source.Rows * k];
        MixtureScoring.Evaluate(family.CreateEvaluator(onSubset), source, (first, count, resp, _) => resp.CopyTo(z.AsSpan(checked((int)first) * k, count * k)));
        return FromResponsibilities(family, source, (first, count, range, resp) =>
        {
            for (int i = 0; i < count; i++)
                for (int c = 0; c < k; c++) resp[i * k + c] = z[(first + i) * k + c] * range.Weight(i);
        });
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
