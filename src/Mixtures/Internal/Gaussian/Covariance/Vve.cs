namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>mclust's VVE, Sigma_k = lambda_k D A_k D^T with lambda_k = gm(q_k / n_k).</summary>
internal sealed class Vve() : CommonOrientation(variableVolume: true)
{
    public override CovarianceType Type => CovarianceType.VVE;
    public override string Name => "VVE";
    public override int ParameterCount(int k, int d) => k + k * (d - 1) + d * (d - 1) / 2;
}
