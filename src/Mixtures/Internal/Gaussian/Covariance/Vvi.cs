namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>mclust's VVI, Sigma_k = lambda_k A_k: scikit-learn's diag M-step, Sigma_k = diag(W_k) / n_k.</summary>
internal sealed class Vvi() : SharedStructure(new Diag())
{
    public override CovarianceType Type => CovarianceType.VVI;
    public override string Name => "VVI";

    protected override void Check(MStepInputs inputs, ReadOnlySpan<double> sigma)
    {
        int d = inputs.D;
        var v = new double[d];
        for (int c = 0; c < inputs.K; c++)
        {
            for (int j = 0; j < d; j++) v[j] = sigma[c * d * d + j * d + j];
            double volume = GeometricMean(v);
            for (int j = 0; j < d; j++) v[j] /= volume;
            RequireAbove(inputs, c, [volume, .. v], Eps, "volume or shape <= eps");
        }
    }
}
