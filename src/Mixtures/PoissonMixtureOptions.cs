namespace Mixtures;

/// <summary>
/// Options of a <see cref="PoissonMixture"/>: the Gaussian mixture's EM options plus the rate floor
/// <see cref="MinRate"/>.
/// </summary>
public sealed record PoissonMixtureOptions
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

    /// <summary>Explicit initial means [K, D]: positive rates.</summary>
    public double[,]? InitialMeans { get; init; }

    /// <summary>
    /// Added to every rate in the M-step, lambda_kd = sum_n r_nk x_nd / N_k + min_rate, so that a feature
    /// that is always 0 in a component does not make other counts impossible. Default 1e-6.
    /// </summary>
    public double MinRate { get; init; } = 1e-6;

    /// <summary>When true, a second <see cref="PoissonMixture.Fit"/> starts from the previous fit's parameters.</summary>
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
        if (!(MinRate >= 0) || double.IsInfinity(MinRate))
            throw new ArgumentOutOfRangeException(nameof(MinRate), MinRate, "MinRate (the rate floor, reg) must be a finite number >= 0.");
    }
}
