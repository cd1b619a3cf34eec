namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>mclust's VVV, Sigma_k = W_k / n_k: scikit-learn's full M-step.</summary>
internal sealed class Vvv() : SharedStructure(new Full())
{
    public override CovarianceType Type => CovarianceType.VVV;
    public override string Name => "VVV";

    protected override void Check(MStepInputs inputs, ReadOnlySpan<double> sigma) => CholeskyRule(inputs, sigma, inputs.K, b => b);
}
