namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// mclust's EVI, Sigma_k = lambda A_k: with b_k = diag(W_k), lambda = sum_k gm(b_k) / N and
/// A_k = b_k / gm(b_k).
/// </summary>
internal sealed class Evi : MclustCovariance
{
    public override CovarianceType Type => CovarianceType.EVI;
    public override string Name => "EVI";
    public override MomentShape Moments => MomentShape.Diagonal;
    public override int ParameterCount(int k, int d) => 1 + k * (d - 1);

    protected override void Fit(MStepInputs inputs, Span<double> sigma)
    {
        int k = inputs.K, d = inputs.D;
        var shapes = new double[k * d];
        double lambda = 0;
        for (int c = 0; c < k; c++)
        {
            var b = shapes.AsSpan(c * d, d);
            for (int j = 0; j < d; j++) b[j] = inputs.ScatterDiagonal(c, j);
            double g = GeometricMean(b);
            lambda += g;
            for (int j = 0; j < d; j++) b[j] /= g;
            RequireAbove(inputs, c, b, Eps, "shape <= eps");
        }
        lambda /= inputs.NSum;
        RequireAbove(inputs, -1, [lambda], Eps, "volume <= eps");
        for (int c = 0; c < k; c++) ComposeDiagonal(sigma.Slice(c * d * d, d * d), lambda, shapes.AsSpan(c * d, d), d);
    }
}
