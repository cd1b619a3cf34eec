namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>mclust's V for one feature: a variance per component (VII with D = 1).</summary>
internal sealed class UnivariateV : Vii
{
    public override CovarianceType Type => CovarianceType.V;
    public override string Name => "V";
    public override string? CheckFeatures(int d) => d == 1 ? null : "The covariance model V is for one feature; use VII with several.";
}
