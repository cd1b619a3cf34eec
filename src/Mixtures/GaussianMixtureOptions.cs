namespace Mixtures;

/// <summary>
/// Options of a <see cref="GaussianMixture"/>, with scikit-learn's meanings and defaults.
/// </summary>
public sealed record GaussianMixtureOptions
{
    /// <summary>Number of mixture components K (scikit-learn's <c>n_components</c>). Default 1.</summary>
    public int Components { get; init; } = 1;

    /// <summary>Covariance parametrization. Default <see cref="Mixtures.CovarianceType.Full"/>.</summary>
    public CovarianceType CovarianceType { get; init; } = CovarianceType.Full;

    /// <summary>EM stops when the mean log-likelihood per sample changes by less than this. Default 1e-3.</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Added to the diagonal of every covariance estimate. Default 1e-6.</summary>
    public double RegCovar { get; init; } = 1e-6;

    /// <summary>Maximum number of EM iterations per restart. Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Number of restarts; the run with the best lower bound is kept. Default 1.</summary>
    public int NInit { get; init; } = 1;

    /// <summary>How restarts are initialized when no explicit parameters are given. Default k-means.</summary>
    public InitMethod Init { get; init; } = InitMethod.KMeans;

    /// <summary>Explicit initial weights [K]; they must be positive and sum to 1.</summary>
    public double[]? InitialWeights { get; init; }

    /// <summary>Explicit initial means [K, D].</summary>
    public double[,]? InitialMeans { get; init; }

    /// <summary>
    /// Explicit initial precisions (inverse covariances), shaped as scikit-learn's <c>precisions_init</c>:
    /// full: K matrices D x D; tied: one D x D matrix; diag: one K x D matrix; spherical: one K x 1 matrix.
    /// </summary>
    public double[][,]? InitialPrecisions { get; init; }

    /// <summary>When true, a second <see cref="GaussianMixture.Fit"/> starts from the previous fit's parameters.</summary>
    public bool WarmStart { get; init; }

    /// <summary>Seed of every random choice; the same seed gives the same model on any thread count.</summary>
    public int? Seed { get; init; }

    /// <summary>Upper bound on worker threads (null: all cores). Never changes the result.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>What to do when a component degenerates. Default <see cref="DegenerateHandling.Reseed"/>.</summary>
    public DegenerateHandling Degenerate { get; init; } = DegenerateHandling.Reseed;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Components < 1)
            throw new ArgumentOutOfRangeException(nameof(Components), Components, "Components (n_components) must be at least 1.");
        if (!Enum.IsDefined(CovarianceType))
            throw new ArgumentOutOfRangeException(nameof(CovarianceType), CovarianceType, "Unknown covariance type; use Full, Tied, Diag or Spherical.");
        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance))
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance (tol) must be a finite number >= 0.");
        if (!(RegCovar >= 0) || double.IsInfinity(RegCovar))
            throw new ArgumentOutOfRangeException(nameof(RegCovar), RegCovar, "RegCovar (reg_covar) must be a finite number >= 0.");
        if (MaxIterations < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations (max_iter) must be at least 1.");
        if (NInit < 1)
            throw new ArgumentOutOfRangeException(nameof(NInit), NInit, "NInit (n_init) must be at least 1.");
        if (!Enum.IsDefined(Init))
            throw new ArgumentOutOfRangeException(nameof(Init), Init, "Unknown init method.");
        if (MaxDegreeOfParallelism is < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1 (or null for all cores).");
        if (!Enum.IsDefined(Degenerate))
            throw new ArgumentOutOfRangeException(nameof(Degenerate), Degenerate, "Unknown degenerate handling.");
    }
}
