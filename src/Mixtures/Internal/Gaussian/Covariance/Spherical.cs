namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>scikit-learn's <c>spherical</c> (mclust's VII): each component has its own single variance.</summary>
internal sealed class Spherical() : DiagonalCovariance(perFeature: false), IVariationalCovariance
{
    public override CovarianceType Type => CovarianceType.Spherical;
    public override string Name => "spherical";
    public override int ParameterCount(int k, int d) => k;
    public override (int Matrices, int Rows, int Columns) PrecisionsInitShape(int k, int d) => (1, k, 1);

    /// <summary>The mean over the features of the diagonal model's variances (reg_covar included).</summary>
    public override void Estimate(MStepInputs inputs, Span<double> covariances)
    {
        int d = inputs.D;
        for (int c = 0; c < inputs.K; c++)
        {
            double sum = 0;
            for (int j = 0; j < d; j++) sum += inputs.Variance(c, j);
            covariances[c] = sum / d;
        }
    }

    public override void Reseed(Span<double> covariances, int c, int d, ReadOnlySpan<double> variances)
    {
        double mean = 0;
        for (int j = 0; j < d; j++) mean += variances[j] / d;
        covariances[c] = mean;
    }
}
