namespace Mixtures;

/// <summary>
/// Options of a <see cref="GaussianMixture"/>, with scikit-learn's meanings and defaults: the common
/// EM options plus the covariance model, <see cref="RegCovar"/> and explicit initial precisions.
/// </summary>
public sealed record GaussianMixtureOptions : MixtureOptions
{
    /// <summary>Options with every default.</summary>
    public GaussianMixtureOptions() { }

    /// <summary>The common options of <paramref name="common"/> with this family's defaults.</summary>
    public GaussianMixtureOptions(MixtureOptions common) : base(common) { }

    /// <summary>Covariance parametrization. Default <see cref="Mixtures.CovarianceType.Full"/>.</summary>
    public CovarianceType CovarianceType { get; init; } = CovarianceType.Full;

    /// <summary>
    /// When EM stops and which iterate it reports. Default <see cref="Mixtures.StopRule.Sklearn"/>;
    /// <see cref="Mixtures.StopRule.Mclust"/> reproduces mclust's loop, with a default tolerance of 1e-5.
    /// </summary>
    public StopRule StopRule { get; init; } = StopRule.Sklearn;

    private protected override double DefaultTolerance => StopRule == StopRule.Mclust ? 1e-5 : base.DefaultTolerance;

    /// <summary>
    /// Added to the diagonal of every covariance estimate. Default 1e-6. 0 is allowed: mclust adds none, and
    /// then mclust's failure rules apply to its models (a fit mclust gives up on throws <see cref="DegenerateFitException"/>).
    /// </summary>
    public double RegCovar { get; init; } = 1e-6;

    /// <summary>
    /// Explicit initial precisions (inverse covariances), shaped as scikit-learn's <c>precisions_init</c>:
    /// full: K matrices D x D; tied: one D x D matrix; diag: one K x D matrix; spherical: one K x 1 matrix.
    /// </summary>
    public double[][,]? InitialPrecisions { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (!Internal.Gaussian.Covariance.CovarianceModels.IsRegistered(CovarianceType))
            throw new ArgumentOutOfRangeException(nameof(CovarianceType), CovarianceType, $"Unknown covariance type; use {string.Join(", ", CovarianceTypes.All)}.");
        if (!(RegCovar >= 0) || double.IsInfinity(RegCovar))
            throw new ArgumentOutOfRangeException(nameof(RegCovar), RegCovar, "RegCovar (reg_covar) must be a finite number >= 0.");
        if (!Enum.IsDefined(StopRule))
            throw new ArgumentOutOfRangeException(nameof(StopRule), StopRule, "Unknown stop rule.");
    }
}
