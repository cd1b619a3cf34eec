namespace Mixtures;

/// <summary>
/// Options of a <see cref="BernoulliMixture"/>: the common EM options plus the smoothing
/// <see cref="Alpha"/> and an optional <see cref="BinarizeThreshold"/>.
/// </summary>
public sealed record BernoulliMixtureOptions : MixtureOptions
{
    /// <summary>Options with every default.</summary>
    public BernoulliMixtureOptions() { }

    /// <summary>The common options of <paramref name="common"/> with this family's defaults.</summary>
    public BernoulliMixtureOptions(MixtureOptions common) : base(common) { }

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

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (!(Alpha >= 0) || double.IsInfinity(Alpha))
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha (smoothing) must be a finite number >= 0.");
        if (BinarizeThreshold is { } t && !double.IsFinite(t))
            throw new ArgumentOutOfRangeException(nameof(BinarizeThreshold), t, "BinarizeThreshold must be a finite number (or null for already-binary data).");
    }
}
