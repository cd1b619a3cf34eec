namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>mclust's E for one feature: one variance for all components (EII with D = 1).</summary>
internal sealed class UnivariateE : Eii
{
    public override CovarianceType Type => CovarianceType.E;
    public override string Name => "E";
    public override string? CheckFeatures(int d) => d == 1 ? null : "The covariance model E is for one feature; use EII with several.";
}
