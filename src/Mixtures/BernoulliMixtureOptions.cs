namespace Mixtures;

/// <summary>
/// Options of a <see cref="BernoulliMixture"/>: the Gaussian mixture's EM options plus the smoothing
/// <see cref="Alpha"/> and an optional <see cref="BinarizeThreshold"/>.
/// </summary>
public sealed record BernoulliMixtureOptions
{
    /// <summary>Number of mixture components K. Default 1.</summary>
    public int Components { get; init; } = 1;

    /// <summary>EM stops when the mean log-likelihood per sample changes by less than this. Default 1e-3.</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Maximum number of EM iterations per restart. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Number of restarts; the run with the best lower bound is kept. Default 1.</summary>
    public int NInit { get; init; } = 1;

    /// <summary>How restarts are initialized when no explicit parameters are given. Default k-means.</summary>
    public InitMethod Init { get; init; } = InitMethod.KMeans;

    /// <summary>Explicit initial weights [K]; they must be non-negative and sum to 1.</summary>
    public double[]? InitialWeights { get; init; }

    /// <summary>Explicit initial means [K, D]: success probabilities strictly between 0 and 1.</summary>
    public double[,]? InitialMeans { get; init; }

    /// <summary>
    /// Smoothing pseudo-count: the M-step is mu_kd = (sum_n r_nk x_nd + alpha) / (N_k + 2 alpha), which
    /// keeps every mu_kd inside (0, 1). Default 0.01; 0 gives the unsmoothed maximum-likelihood step.
    /// </summary>
    public double Alpha { get; init; } = 0.01;

    /// <summary>
    /// When set, data is binarized before fitting and in every prediction: values &gt;= the threshold
    /// become 1, others 0. When null (the default), data that is not 0/1 is rejected.
    /// </summary>
    public double? BinarizeThreshold { get; init; }

    /// <summary>When true, a second <see cref="BernoulliMixture.Fit"/> starts from the previous fit's parameters.</summary>
    public bool WarmStart { get; init; }

    /// <summary>Seed of every random choice; the same seed gives the same model on any thread count.</summary>
    public int? Seed { get; init; }

    /// <summary>Upper bound on worker threads (null: all cores). Never changes the result.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>What to do when a component empties. Default <see cref="DegenerateHandling.Reseed"/>.</summary>
    public DegenerateHandling Degenerate { get; init; } = DegenerateHandling.Reseed;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        MixtureOptionChecks.Common(Components, Tolerance, MaxIterations, NInit, Init, MaxDegreeOfParallelism, Degenerate);
        if (!(Alpha >= 0) || double.IsInfinity(Alpha))
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha (smoothing) must be a finite number >= 0.");
        if (BinarizeThreshold is { } t && !double.IsFinite(t))
            throw new ArgumentOutOfRangeException(nameof(BinarizeThreshold), t, "BinarizeThreshold must be a finite number (or null for already-binary data).");
    }
}
