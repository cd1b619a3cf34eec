using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Initialization.Hierarchical;

namespace Mixtures;

/// <summary>The criterion <see cref="MixtureSelection"/> minimizes (all in scikit-learn's sign: lower is better).</summary>
public enum SelectionCriterion
{
    /// <summary>Bayesian information criterion, -2 loglik + p ln N (mclust's BIC negated).</summary>
    Bic,
    /// <summary>Akaike information criterion, -2 loglik + 2 p.</summary>
    Aic,
    /// <summary>Integrated completed likelihood, BIC - 2 sum_i ln z_{i, c_i} (mclust's ICL negated).</summary>
    Icl,
}

/// <summary>
/// Options of <see cref="MixtureSelection"/>. The defaults are mclust's <c>Mclust</c>: every mclust model that
/// applies to the data, K = 1..9, the hierarchical start, mclust's stop rule, no regularization.
/// </summary>
public sealed record MixtureSelectionOptions
{
    /// <summary>The covariance models to try; null: mclust's 14 (E and V for one feature).</summary>
    public IReadOnlyList<CovarianceType>? Models { get; init; }

    /// <summary>The numbers of components to try. Default 1..9.</summary>
    public IReadOnlyList<int> Components { get; init; } = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>What the best entry minimizes. Default BIC.</summary>
    public SelectionCriterion Criterion { get; init; } = SelectionCriterion.Bic;

    /// <summary>How each fit starts. Default <see cref="InitMethod.Hierarchical"/> (computed once for the whole grid).</summary>
    public InitMethod Init { get; init; } = InitMethod.Hierarchical;

    /// <summary>The stop rule of every fit. Default <see cref="StopRule.Mclust"/>.</summary>
    public StopRule StopRule { get; init; } = StopRule.Mclust;

    /// <summary>reg_covar of every fit. Default 0 (mclust's): its failure rules apply, and failed fits are listed.</summary>
    public double RegCovar { get; init; }

    /// <summary>Tolerance of every fit; null: the stop rule's default.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Maximum EM iterations of every fit. Default: no limit in practice, as mclust.</summary>
    public int MaxIterations { get; init; } = int.MaxValue;

    /// <summary>Seed of random choices (the hc subset above 2000 rows, random inits).</summary>
    public int? Seed { get; init; }

    /// <summary>Upper bound on worker threads across the grid (null: all cores). Never changes the result.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Test hook: recorded starting partitions per K (mclust's), and the subset they label, replacing hc.</summary>
    internal IReadOnlyDictionary<int, int[]>? StartPartitions { get; init; }

    /// <summary>Test hook: the rows <see cref="StartPartitions"/> label (R's drawn subset).</summary>
    internal int[]? StartSubset { get; init; }
}

/// <summary>One (model, K) of a selection: its criteria, or why it failed.</summary>
/// <param name="CovarianceType">The covariance model.</param>
/// <param name="Components">K.</param>
/// <param name="Bic">BIC, scikit-learn's sign (NaN when failed).</param>
/// <param name="Aic">AIC (NaN when failed).</param>
/// <param name="Icl">ICL, scikit-learn's sign (NaN when failed).</param>
/// <param name="Loglik">Total log-likelihood (NaN when failed).</param>
/// <param name="ParameterCount">Free parameters of the model.</param>
/// <param name="Iterations">EM iterations (0 when failed).</param>
/// <param name="FailureReason">Why the fit failed (mclust's rule, for instance), or null.</param>
/// <param name="Model">The fitted model, or null when failed.</param>
public sealed record MixtureSelectionEntry(CovarianceType CovarianceType, int Components, double Bic, double Aic, double Icl,
    double Loglik, int ParameterCount, int Iterations, string? FailureReason, GaussianMixtureModel? Model)
{
    /// <summary>True when the fit failed (no criterion values).</summary>
    public bool Failed => FailureReason is not null;

    /// <summary>The value of <paramref name="criterion"/>.</summary>
    public double Value(SelectionCriterion criterion) => criterion switch
    {
        SelectionCriterion.Aic => Aic,
        SelectionCriterion.Icl => Icl,
        _ => Bic,
    };
}

/// <summary>The whole table of a selection (grid order: models outer, K inner) and its best entry.</summary>
/// <param name="Table">Every (model, K), failures included.</param>
/// <param name="Best">The entry with the lowest criterion; ties go to the smaller K, then the alphabetically first model.</param>
/// <param name="Criterion">The criterion that chose it.</param>
public sealed record MixtureSelectionResult(IReadOnlyList<MixtureSelectionEntry> Table, MixtureSelectionEntry Best, SelectionCriterion Criterion)
{
    /// <summary>The best entry's fitted model.</summary>
    public GaussianMixtureModel BestModel => Best.Model!;
}

/// <summary>
/// mclust's <c>Mclust</c>: fits a grid of covariance models x numbers of components and picks the best by a
/// criterion. The grid runs on all cores, one fit per worker; each fit is deterministic, so the table is the
/// same on any thread count.
/// </summary>
public static class MixtureSelection
{
    /// <summary>The mclust models that apply to <paramref name="features"/> features, in mclust's order.</summary>
    public static IReadOnlyList<CovarianceType> MclustModels(int features) => features == 1
        ? [CovarianceType.E, CovarianceType.V]
        : [CovarianceType.EII, CovarianceType.VII, CovarianceType.EEI, CovarianceType.VEI, CovarianceType.EVI, CovarianceType.VVI,
           CovarianceType.EEE, CovarianceType.VEE, CovarianceType.EVE, CovarianceType.VVE, CovarianceType.EEV, CovarianceType.VEV,
           CovarianceType.EVV, CovarianceType.VVV];

    /// <summary>Fits every (model, K) and returns the table and the best entry.</summary>
    /// <exception cref="ArgumentException">Bad data or options.</exception>
    /// <exception cref="InvalidOperationException">Every fit failed.</exception>
    public static MixtureSelectionResult Fit(double[,] x, MixtureSelectionOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        options ??= new MixtureSelectionOptions();
        int n = x.GetLength(0), d = x.GetLength(1);
        var models = options.Models ?? MclustModels(d);
        if (models.Count == 0 || options.Components.Count == 0 || options.Components.Any(k => k < 1))
            throw new ArgumentException("Selection needs at least one model and numbers of components >= 1.", nameof(options));
        var seed = options.Seed ?? 0;
        var (partitions, subset) = StartPartitions(x, options, seed);
        var grid = models.SelectMany(m => options.Components.Select(k => (Model: m, K: k))).ToArray();
        var table = new MixtureSelectionEntry[grid.Length];
        Parallel.For(0, grid.Length, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? -1, CancellationToken = ct },
            i => table[i] = FitOne(x, grid[i].Model, grid[i].K, options, seed, partitions?.GetValueOrDefault(grid[i].K), subset, ct));
        var best = table.Where(e => !e.Failed)
            .OrderBy(e => e.Value(options.Criterion)).ThenBy(e => e.Components).ThenBy(e => CovarianceTypes.Name(e.CovarianceType), StringComparer.Ordinal)
            .FirstOrDefault() ?? throw new InvalidOperationException("Every fit of the selection failed: " + table[0].FailureReason);
        if (best.Components > 1 && options.StopRule == StopRule.Mclust)
        {
            // Mclust's final model: the parameters refreshed by one M-step from the final responsibilities (FitDriver.Refresh).
            var o = new GaussianMixtureOptions { Components = best.Components, CovarianceType = best.CovarianceType, RegCovar = options.RegCovar };
            var m = best.Model!;
            var refreshed = new Internal.Fitting.FitDriver<Internal.Gaussian.GaussianParameters, GaussianMixtureModel>(new Internal.Gaussian.GaussianFitSpec(o), o)
                .Refresh(new Data.ArrayRowSource(x, null), m.Parameters, m.Info, m.Weights, best.Components > 1 && subset is not null);
            int at = Array.IndexOf(table, best);
            table[at] = best = best with { Model = refreshed };
        }
        return new MixtureSelectionResult(table, best, options.Criterion);
    }

    /// <summary>The hierarchical partitions for every K, from one merge sequence (hc runs once for the grid).</summary>
    static (Dictionary<int, int[]>? Partitions, int[]? Subset) StartPartitions(double[,] x, MixtureSelectionOptions o, int seed)
    {
        if (o.StartPartitions is { } given) return (new Dictionary<int, int[]>(given), o.StartSubset);
        if (o.Init != InitMethod.Hierarchical) return (null, null);
        int d = x.GetLength(1);
        var subset = d == 1 ? null : HierarchicalStart.Subset(x.GetLength(0), new Random(seed).Next());
        var pairs = d == 1 ? null : HierarchicalStart.Pairs(x, subset);
        return (o.Components.Where(k => k > 1).Distinct().ToDictionary(k => k, k => HierarchicalStart.Labels(x, k, subset, pairs)), subset);
    }

    static MixtureSelectionEntry FitOne(double[,] x, CovarianceType type, int k, MixtureSelectionOptions o, int seed, int[]? labels, int[]? subset,
        CancellationToken ct)
    {
        // K = 1 is the single-Gaussian fit whatever the start: every row in the one component.
        if (k == 1)
        {
            labels = new int[x.GetLength(0)];
            subset = null;
        }
        var options = new GaussianMixtureOptions
        {
            Components = k, CovarianceType = type, RegCovar = o.RegCovar, StopRule = o.StopRule,
            MaxIterations = o.MaxIterations, Init = labels is null ? o.Init : InitMethod.KMeans, Seed = seed,
            MaxDegreeOfParallelism = 1, Degenerate = DegenerateHandling.Throw,
            StartLabels = labels, StartSubset = subset,
        };
        if (o.Tolerance is { } tol) options = options with { Tolerance = tol };
        int p = Internal.Gaussian.GaussianParameters.ParameterCount(CovarianceModels.Get(type), k, x.GetLength(1));
        try
        {
            var m = new GaussianMixture(options).Fit(x, cancellationToken: ct);
            return new MixtureSelectionEntry(type, k, m.TrainingBic, m.TrainingAic, m.TrainingIcl, m.Loglik, m.ParameterCount, m.Iterations, null, m);
        }
        catch (Exception e) when (e is DegenerateFitException or ArgumentException)
        {
            return new MixtureSelectionEntry(type, k, double.NaN, double.NaN, double.NaN, double.NaN, p, 0, e.Message, null);
        }
    }
}
