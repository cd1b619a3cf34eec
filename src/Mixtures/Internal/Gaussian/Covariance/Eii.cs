namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>mclust's EII, Sigma_k = lambda I for all: sigma^2 = tr(W) / (N D).</summary>
internal class Eii : MclustCovariance
{
    public override CovarianceType Type => CovarianceType.EII;
    public override string Name => "EII";
    public override MomentShape Moments => MomentShape.Diagonal;
    public override int ParameterCount(int k, int d) => 1;

    protected override void Fit(MStepInputs inputs, Span<double> sigma)
    {
        int k = inputs.K, d = inputs.D;
        double trace = 0;
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) trace += inputs.ScatterDiagonal(c, j);
        double variance = trace / (inputs.NSum * d);
        RequireAbove(inputs, -1, [variance], Eps, "sigma^2 <= eps");
        var ones = Enumerable.Repeat(1.0, d).ToArray();
        for (int c = 0; c < k; c++) ComposeDiagonal(sigma.Slice(c * d * d, d * d), variance, ones, d);
    }
}
