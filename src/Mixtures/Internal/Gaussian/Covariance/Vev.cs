namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// mclust's VEV, Sigma_k = lambda_k Gamma_k A Gamma_k^T: W_k's eigenvectors give the orientations, and the
/// inner iteration of <see cref="VolumeShapeState"/> on its eigenvalues the volumes and common shape. At a
/// run's first M-step the state starts from c = sum_k omega_k: a = c / gm(c), lambda_k = gm(c) / N.
/// </summary>
internal sealed class Vev : MclustCovariance
{
    public override CovarianceType Type => CovarianceType.VEV;
    public override string Name => "VEV";
    public override int ParameterCount(int k, int d) => k + (d - 1) + k * d * (d - 1) / 2;

    protected override void Fit(MStepInputs inputs, Span<double> sigma)
    {
        int k = inputs.K, d = inputs.D;
        var (omega, gamma) = ScatterEigen(inputs);
        if (inputs.State is not VolumeShapeState start)
        {
            var sum = new double[d];
            for (int c = 0; c < k; c++)
                for (int j = 0; j < d; j++) sum[j] += omega[c * d + j];
            double g = GeometricMean(sum);
            start = new VolumeShapeState(Enumerable.Repeat(g / inputs.NSum, k).ToArray(), sum.Select(v => v / g).ToArray());
        }
        var state = start.Iterate(omega, inputs.Nk, k, d, InnerTolerance, InnerMaxIterations, continueAtTolerance: true);
        inputs.State = state;
        RequireAbove(inputs, -1, state.Shape, Eps, "shape <= eps");
        RequireAbove(inputs, -1, state.Shape.Select(Math.Sqrt).ToArray(), InnerTolerance, "sqrt(shape) <= sqrt(eps)");
        for (int c = 0; c < k; c++)
        {
            RequireAbove(inputs, c, [state.Volumes[c]], Eps, "volume <= eps");
            Compose(sigma.Slice(c * d * d, d * d), state.Volumes[c], gamma.AsSpan(c * d * d, d * d), state.Shape, d);
        }
    }
}
