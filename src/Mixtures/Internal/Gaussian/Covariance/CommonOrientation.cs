namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// What mclust's EVE (Sigma_k = lambda D A_k D^T) and VVE (lambda_k D A_k D^T) share: the inner iteration
/// of <see cref="OrientationState"/>, carried across M-steps, and the failure rules (an eigenvalue of W_k
/// below sqrt(eps), or a shape or VVE volume below sqrt(eps)).
/// </summary>
internal abstract class CommonOrientation(bool variableVolume) : MclustCovariance
{
    protected override void Fit(MStepInputs inputs, Span<double> sigma)
    {
        int k = inputs.K, d = inputs.D;
        var w = new double[k * d * d];
        var (omega, _) = ScatterEigen(inputs);
        var largest = new double[k];
        for (int c = 0; c < k; c++)
        {
            inputs.Scatter(c, w.AsSpan(c * d * d, d * d));
            largest[c] = omega[c * d];
            if (!(omega[c * d + d - 1] >= InnerTolerance)) inputs.Failures.Add((c, "an eigenvalue of W_k < sqrt(eps)"));
        }
        var start = inputs.State as OrientationState ?? OrientationState.Cold(k, d);
        var (state, f, volumes) = start.Iterate(w, largest, inputs.Nk, k, d, variableVolume, InnerTolerance, InnerMaxIterations);
        inputs.State = state;
        double common = f / (inputs.NSum * d);
        for (int c = 0; c < k; c++)
        {
            var a = state.Shapes.AsSpan(c * d, d);
            if (!AllAtLeast(a, InnerTolerance) || (variableVolume && !(volumes[c] >= InnerTolerance)))
                inputs.Failures.Add((c, variableVolume ? "shape or volume < sqrt(eps)" : "shape < sqrt(eps)"));
            Compose(sigma.Slice(c * d * d, d * d), variableVolume ? volumes[c] : common, state.Orientation, a, d);
        }
    }

    static bool AllAtLeast(ReadOnlySpan<double> v, double floor)
    {
        foreach (double x in v)
            if (!(x >= floor)) return false;
        return true;
    }
}
