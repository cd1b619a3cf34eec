namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>scikit-learn's <c>diag</c> (mclust's VVI): each component has its own diagonal covariance.</summary>
internal sealed class Diag() : DiagonalCovariance(perFeature: true), IVariationalCovariance
{
    public override CovarianceType Type => CovarianceType.Diag;
    public override string Name => "diag";
    public override int ParameterCount(int k, int d) => k * d;
    public override (int Matrices, int Rows, int Columns) PrecisionsInitShape(int k, int d) => (1, k, d);

    public override void Estimate(MStepInputs inputs, Span<double> covariances)
    {
        int d = inputs.D;
        for (int c = 0; c < inputs.K; c++)
            for (int j = 0; j < d; j++) covariances[c * d + j] = inputs.Variance(c, j);
    }

    public override void Reseed(Span<double> covariances, int c, int d, ReadOnlySpan<double> variances) =>
        variances[..d].CopyTo(covariances.Slice(c * d, d));
}
