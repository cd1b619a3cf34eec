namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// mclust's VEI, Sigma_k = lambda_k A with a common diagonal shape: the inner iteration of
/// <see cref="VolumeShapeState"/> on the diagonals of W_k, starting from all ones at a run's first M-step
/// and from the previous M-step's state after that.
/// </summary>
internal sealed class Vei : MclustCovariance
{
    public override CovarianceType Type => CovarianceType.VEI;
    public override string Name => "VEI";
    public override MomentShape Moments => MomentShape.Diagonal;
    public override int ParameterCount(int k, int d) => k + d - 1;

    protected override void Fit(MStepInputs inputs, Span<double> sigma)
    {
        int k = inputs.K, d = inputs.D;
        var w = new double[k * d];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) w[c * d + j] = inputs.ScatterDiagonal(c, j);
        var start = inputs.State as VolumeShapeState ?? new VolumeShapeState(Ones(k), Ones(d));
        var state = start.Iterate(w, inputs.Nk, k, d, InnerTolerance, InnerMaxIterations, continueAtTolerance: false);
        inputs.State = state;
        RequireAbove(inputs, -1, state.Shape, Eps, "shape <= eps");
        for (int c = 0; c < k; c++)
        {
            RequireAbove(inputs, c, [state.Volumes[c]], Eps, "volume <= eps");
            ComposeDiagonal(sigma.Slice(c * d * d, d * d), state.Volumes[c], state.Shape, d);
        }
    }

    static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();
}
