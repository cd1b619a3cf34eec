namespace Mixtures.Internal;

/// <summary>
/// What a model family plugs into the one EM loop (<c>ExpectationMaximization</c>):
/// log-densities for the E-step, sufficient statistics and the M-step, re-seeding and the
/// parameter count. <typeparamref name="TParams"/> is the family's immutable parameter set.
/// </summary>
internal interface IMixtureFamily<TParams> where TParams : class
{
    int Components { get; }
    int Features { get; }

    /// <summary>An immutable, thread-safe evaluator of ln w_k + ln p_k(x) for the given parameters.</summary>
    IComponentEvaluator CreateEvaluator(TParams parameters);

    /// <summary>Empty statistics for one chunk; <c>Begin</c> is called each iteration.</summary>
    ISufficientStatistics<TParams> CreateStatistics();

    /// <summary>
    /// New parameters from the statistics of all rows. Components that emptied or whose covariance is
    /// not positive definite are listed in <paramref name="degenerate"/> (their entries are valid but
    /// meaningless until re-seeded). <paramref name="previous"/> is null when the statistics come from
    /// initial responsibilities; only then can the result be null, with a fatal degeneracy listed.
    /// </summary>
    TParams? MStep(ISufficientStatistics<TParams> total, TParams? previous, List<Degeneracy> degenerate);

    /// <summary>Parameters with <paramref name="component"/> moved onto the data point <paramref name="point"/>.</summary>
    TParams Reseed(TParams parameters, int component, ReadOnlySpan<double> point);

    int ParameterCount { get; }
}

/// <summary>Computes weighted component log-densities for a block of rows.</summary>
internal interface IComponentEvaluator
{
    int Components { get; }

    /// <summary>Doubles of scratch needed for a block of <paramref name="rows"/> rows.</summary>
    int ScratchLength(int rows);

    /// <summary>output[r * K + k] = ln w_k + ln p_k(row r).</summary>
    void WeightedLogProb(ReadOnlySpan<double> rows, int count, Span<double> output, Span<double> scratch);
}

/// <summary>Per-chunk weighted sufficient statistics of one M-step.</summary>
internal interface ISufficientStatistics<TParams>
{
    /// <summary>
    /// Clears the sums; <paramref name="current"/> gives the shift (the current means), or null before the first
    /// parameters exist (sums from initial responsibilities: the family's own reference point, such as the data mean).
    /// </summary>
    void Begin(TParams? current);

    /// <summary>Adds rows with responsibilities already multiplied by the sample weights (count x K).</summary>
    void Accumulate(ReadOnlySpan<double> rows, int count, ReadOnlySpan<double> weightedResp, Span<double> scratch);

    /// <summary>Adds another chunk's sums (called in chunk order, so results are deterministic).</summary>
    void Add(ISufficientStatistics<TParams> other);

    int ScratchLength(int rows);
}
