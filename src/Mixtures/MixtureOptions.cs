namespace Mixtures;

/// <summary>
/// The options every mixture family shares, with scikit-learn's names and defaults. Each family's
/// options record derives from this one and adds its own (<see cref="GaussianMixtureOptions"/>,
/// <see cref="BernoulliMixtureOptions"/>, <see cref="PoissonMixtureOptions"/>); a family's record can
/// be built from these common options with its <c>(MixtureOptions common)</c> constructor.
/// </summary>
public record MixtureOptions
{
    /// <summary>Number of mixture components K (scikit-learn's <c>n_components</c>). Default 1.</summary>
    public int Components { get; init; } = 1;

    /// <summary>EM stops when the mean log-likelihood per sample changes by less than this (<c>tol</c>). Default 1e-3.</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Maximum number of EM iterations per restart (<c>max_iter</c>). Default 100.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Number of restarts; the run with the best lower bound is kept (<c>n_init</c>). Default 1.</summary>
    public int NInit { get; init; } = 1;

    /// <summary>How restarts are initialized when no explicit parameters are given. Default k-means.</summary>
    public InitMethod Init { get; init; } = InitMethod.KMeans;

    /// <summary>Explicit initial weights [K]; they must be non-negative and sum to 1.</summary>
    public double[]? InitialWeights { get; init; }

    /// <summary>
    /// Explicit initial means [K, D] in the family's parameter space: Gaussian means, Bernoulli success
    /// probabilities strictly between 0 and 1, or positive Poisson rates.
    /// </summary>
    public double[,]? InitialMeans { get; init; }

    /// <summary>
    /// Initial labels [N], one component in 0..K-1 per data row: the fit starts with the M-step (or the
    /// variational update) on these one-hot responsibilities instead of the init method. Explicit initial
    /// weights and means still replace what the labels give.
    /// </summary>
    public int[]? InitialLabels { get; init; }

    /// <summary>When true, a second <c>Fit</c> starts from the previous fit's parameters.</summary>
    public bool WarmStart { get; init; }

    /// <summary>Seed of every random choice; the same seed gives the same model on any thread count.</summary>
    public int? Seed { get; init; }

    /// <summary>Upper bound on worker threads (null: all cores). Never changes the result.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>What to do when a component degenerates (empties, collapses). Default <see cref="DegenerateHandling.Reseed"/>.</summary>
    public DegenerateHandling Degenerate { get; init; } = DegenerateHandling.Reseed;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public virtual void Validate()
    {
        if (Components < 1)
            throw new ArgumentOutOfRangeException(nameof(Components), Components, "Components (n_components) must be at least 1.");
        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance))
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance (tol) must be a finite number >= 0.");
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
