namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>mclust's EEI, one diagonal Sigma = diag(W) / N for all components.</summary>
internal sealed class Eei : MclustCovariance
{
    public override CovarianceType Type => CovarianceType.EEI;
    public override string Name => "EEI";
    public override MomentShape Moments => MomentShape.Diagonal;
    public override int ParameterCount(int k, int d) => d;

    protected override void Fit(MStepInputs inputs, Span<double> sigma)
    {
        int k = inputs.K, d = inputs.D;
        var s = new double[d];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) s[j] += inputs.ScatterDiagonal(c, j);
        for (int j = 0; j < d; j++) s[j] /= inputs.NSum;
        double volume = GeometricMean(s);
        RequireAbove(inputs, -1, [volume, .. s.Select(v => v / volume)], Eps, "volume or shape <= eps");
        for (int c = 0; c < k; c++) ComposeDiagonal(sigma.Slice(c * d * d, d * d), 1, s, d);
    }
}
