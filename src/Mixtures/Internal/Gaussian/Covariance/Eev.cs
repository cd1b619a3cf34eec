namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// mclust's EEV, Sigma_k = lambda Gamma_k A Gamma_k^T: the j-th largest eigenvalues of the W_k are added
/// across components, a_j = sum_k omega_kj; lambda = gm(a) / N, A = a / gm(a); Gamma_k are W_k's eigenvectors.
/// </summary>
internal sealed class Eev : MclustCovariance
{
    public override CovarianceType Type => CovarianceType.EEV;
    public override string Name => "EEV";
    public override int ParameterCount(int k, int d) => 1 + (d - 1) + k * d * (d - 1) / 2;

    protected override void Fit(MStepInputs inputs, Span<double> sigma)
    {
        int k = inputs.K, d = inputs.D;
        var (omega, gamma) = ScatterEigen(inputs);
        var a = new double[d];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) a[j] += omega[c * d + j];
        double g = GeometricMean(a), lambda = g / inputs.NSum;
        for (int j = 0; j < d; j++) a[j] /= g;
        RequireAbove(inputs, -1, [lambda, .. a], Eps, "volume or shape <= eps");
        RequireAbove(inputs, -1, a.Select(v => Math.Sqrt(lambda * v)).ToArray(), InnerTolerance, "sqrt(lambda a_j) <= sqrt(eps)");
        for (int c = 0; c < k; c++) Compose(sigma.Slice(c * d * d, d * d), lambda, gamma.AsSpan(c * d * d, d * d), a, d);
    }
}
