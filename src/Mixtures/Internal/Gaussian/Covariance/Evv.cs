namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// mclust's EVV, Sigma_k = lambda D_k A_k D_k^T: with s_k = det(W_k)^(1/D) (the geometric mean of W_k's
/// eigenvalues), lambda = sum_k s_k / N and Sigma_k = lambda W_k / s_k.
/// </summary>
internal sealed class Evv : MclustCovariance
{
    public override CovarianceType Type => CovarianceType.EVV;
    public override string Name => "EVV";
    public override int ParameterCount(int k, int d) => 1 - k + k * d * (d + 1) / 2;

    protected override void Fit(MStepInputs inputs, Span<double> sigma)
    {
        int k = inputs.K, d = inputs.D;
        var (omega, _) = ScatterEigen(inputs);
        var s = new double[k];
        double lambda = 0;
        for (int c = 0; c < k; c++)
        {
            var values = omega.AsSpan(c * d, d);
            s[c] = GeometricMean(values);
            lambda += s[c];
            RequireAbove(inputs, c, values.ToArray().Select(v => v / s[c]).ToArray(), InnerTolerance, "shape <= sqrt(eps)");
        }
        lambda /= inputs.NSum;
        RequireAbove(inputs, -1, [lambda], InnerTolerance, "volume <= sqrt(eps)");
        for (int c = 0; c < k; c++)
        {
            var o = sigma.Slice(c * d * d, d * d);
            inputs.Scatter(c, o);
            for (int i = 0; i < d * d; i++) o[i] *= lambda / s[c];
        }
    }
}
