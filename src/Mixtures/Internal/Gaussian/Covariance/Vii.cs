namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>mclust's VII, Sigma_k = lambda_k I: scikit-learn's spherical M-step, sigma_k^2 = tr(W_k) / (n_k D).</summary>
internal class Vii() : SharedStructure(new Spherical())
{
    public override CovarianceType Type => CovarianceType.VII;
    public override string Name => "VII";

    protected override void Check(MStepInputs inputs, ReadOnlySpan<double> sigma)
    {
        int d = inputs.D;
        for (int c = 0; c < inputs.K; c++)
            RequireAbove(inputs, c, sigma.Slice(c * d * d, 1), Eps, "sigma^2 <= eps");
    }
}
