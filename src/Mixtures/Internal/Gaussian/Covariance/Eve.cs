namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>mclust's EVE, Sigma_k = lambda D A_k D^T; lambda = f / (N D) after the inner iteration.</summary>
internal sealed class Eve() : CommonOrientation(variableVolume: false)
{
    public override CovarianceType Type => CovarianceType.EVE;
    public override string Name => "EVE";
    public override int ParameterCount(int k, int d) => 1 + k * (d - 1) + d * (d - 1) / 2;
}
