namespace Mixtures;

/// <summary>
/// Options of a <see cref="BayesianGaussianMixture"/>, with scikit-learn's names and defaults: the common
/// options (<see cref="MixtureOptions.Tolerance"/> applies to the total lower bound, not a per-sample
/// mean), the covariance model, <see cref="RegCovar"/> and the priors; a null prior takes scikit-learn's
/// default from K or the data. Explicit initial weights and means do not apply (start from
/// <see cref="MixtureOptions.InitialLabels"/> or the init method), nor does re-seeding: components that
/// the data do not need switch off instead.
/// </summary>
public sealed record BayesianGaussianMixtureOptions : MixtureOptions
{
    /// <summary>Options with every default.</summary>
    public BayesianGaussianMixtureOptions() { }

    /// <summary>The common options of <paramref name="common"/> with this family's defaults.</summary>
    public BayesianGaussianMixtureOptions(MixtureOptions common) : base(common) { }

    /// <summary>Covariance parametrization. Default <see cref="Mixtures.CovarianceType.Full"/>.</summary>
    public CovarianceType CovarianceType { get; init; } = CovarianceType.Full;

    /// <summary>Added to the diagonal of every responsibility-weighted covariance in the update. Default 1e-6.</summary>
    public double RegCovar { get; init; } = 1e-6;

    /// <summary>Prior on the weights. Default <see cref="WeightConcentrationPriorType.DirichletProcess"/>.</summary>
    public WeightConcentrationPriorType WeightConcentrationPriorType { get; init; } = WeightConcentrationPriorType.DirichletProcess;

    /// <summary>Concentration a0 of the weight prior, &gt; 0 (null: 1 / K). Smaller values switch more components off.</summary>
    public double? WeightConcentrationPrior { get; init; }

    /// <summary>Precision b0 of the means' prior, &gt; 0 (null: 1).</summary>
    public double? MeanPrecisionPrior { get; init; }

    /// <summary>Mean m0 of the means' prior [D] (null: the data mean).</summary>
    public double[]? MeanPrior { get; init; }

    /// <summary>Degrees of freedom v0 of the precisions' Wishart prior, &gt; D - 1 (null: D).</summary>
    public double? DegreesOfFreedomPrior { get; init; }

    /// <summary>
    /// Covariance prior P0 (the inverse of the Wishart scale), shaped for the covariance type: full and tied
    /// D x D (symmetric positive definite), diag 1 x D, spherical 1 x 1 (positive). Null: the data covariance
    /// with divisor N - 1 in that shape (zeros from constant columns are accepted there).
    /// </summary>
    public double[,]? CovariancePrior { get; init; }

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        var model = Internal.Gaussian.Covariance.CovarianceModels.Find(CovarianceType);
        if (model is not Internal.Gaussian.Covariance.IVariationalCovariance)
            throw new ArgumentOutOfRangeException(nameof(CovarianceType), CovarianceType, "This covariance type has no variational fit; use Full, Tied, Diag or Spherical.");
        if (!(RegCovar >= 0) || double.IsInfinity(RegCovar))
            throw new ArgumentOutOfRangeException(nameof(RegCovar), RegCovar, "RegCovar (reg_covar) must be a finite number >= 0.");
        if (!Enum.IsDefined(WeightConcentrationPriorType))
            throw new ArgumentOutOfRangeException(nameof(WeightConcentrationPriorType), WeightConcentrationPriorType, "Unknown weight concentration prior type.");
        Positive(WeightConcentrationPrior, nameof(WeightConcentrationPrior));
        Positive(MeanPrecisionPrior, nameof(MeanPrecisionPrior));
        if (DegreesOfFreedomPrior is { } v && !double.IsFinite(v))
            throw new ArgumentOutOfRangeException(nameof(DegreesOfFreedomPrior), v, "DegreesOfFreedomPrior must be finite.");
        if (MeanPrior is { } m && m.Any(x => !double.IsFinite(x)))
            throw new ArgumentException("MeanPrior values must be finite.", nameof(MeanPrior));
        if (CovariancePrior is { } p && p.Cast<double>().Any(x => !double.IsFinite(x)))
            throw new ArgumentException("CovariancePrior values must be finite.", nameof(CovariancePrior));
        if (InitialWeights is not null || InitialMeans is not null)
            throw new ArgumentException("InitialWeights and InitialMeans do not apply to a variational fit; start it from InitialLabels or the init method.",
                InitialWeights is not null ? nameof(InitialWeights) : nameof(InitialMeans));
    }

    static void Positive(double? value, string name)
    {
        if (value is { } v && !(v > 0 && double.IsFinite(v)))
            throw new ArgumentOutOfRangeException(name, v, $"{name} must be a finite number > 0.");
    }
}
