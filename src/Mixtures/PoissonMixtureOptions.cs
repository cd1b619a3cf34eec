namespace Mixtures;

/// <summary>
/// Options of a <see cref="PoissonMixture"/>: the common EM options plus the rate floor
/// <see cref="MinRate"/>.
/// </summary>
public sealed record PoissonMixtureOptions : MixtureOptions
{
    /// <summary>Options with every default.</summary>
    public PoissonMixtureOptions() { }

    /// <summary>The common options of <paramref name="common"/> with this family's defaults.</summary>
    public PoissonMixtureOptions(MixtureOptions common) : base(common) { }

    /// <summary>
    /// Added to every rate in the M-step, lambda_kd = sum_n r_nk x_nd / N_k + min_rate, so that a feature
    /// that is always 0 in a component does not make other counts impossible. Default 1e-6.
    /// </summary>
    public double MinRate { get; init; } = 1e-6;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        if (!(MinRate >= 0) || double.IsInfinity(MinRate))
            throw new ArgumentOutOfRangeException(nameof(MinRate), MinRate, "MinRate (the rate floor, reg) must be a finite number >= 0.");
    }
}
