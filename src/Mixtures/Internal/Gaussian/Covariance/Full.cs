namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>scikit-learn's <c>full</c> (mclust's VVV): each component has its own general covariance.</summary>
internal sealed class Full() : TriangularCovariance(perComponent: true), IVariationalCovariance
{
    public override CovarianceType Type => CovarianceType.Full;
    public override string Name => "full";
    public override int ParameterCount(int k, int d) => k * d * (d + 1) / 2;
    public override (int Matrices, int Rows, int Columns) PrecisionsInitShape(int k, int d) => (k, d, d);
    public override MomentShape Moments => MomentShape.Full;
    public override bool NeedsDataScatter => false;

    public override void Estimate(MStepInputs inputs, Span<double> covariances)
    {
        int d = inputs.D;
        for (int c = 0; c < inputs.K; c++)
        {
            var o = covariances.Slice(c * d * d, d * d);
            inputs.WithinScatter(c, o);
            for (int i = 0; i < d; i++) o[i * d + i] += inputs.Reg;
        }
    }

    /// <summary>nu_k = v0 + N_k and Sigma_k = (P0 + N_k S_k + (N_k b0 / beta_k) (xbar_k - m0)(xbar_k - m0)^T) / nu_k.</summary>
    public void Posterior(PosteriorInputs v, Span<double> covariances, Span<double> degreesOfFreedom)
    {
        int d = v.D;
        for (int c = 0; c < v.K; c++)
        {
            double nk = v.Nk[c], nu = v.DegreesOfFreedomPrior + nk, shrink = nk * v.MeanPrecisionPrior / v.MeanPrecision[c];
            degreesOfFreedom[c] = nu;
            var o = covariances.Slice(c * d * d, d * d);
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    o[i * d + j] = (v.CovariancePrior[i * d + j] + nk * v.Scatter[c * d * d + i * d + j] + shrink * (v.Diff(c, i) * v.Diff(c, j))) / nu;
        }
    }

    public override void Reseed(Span<double> covariances, int c, int d, ReadOnlySpan<double> variances)
    {
        var o = covariances.Slice(c * d * d, d * d);
        o.Clear();
        for (int j = 0; j < d; j++) o[j * d + j] = variances[j];
    }

    public override void FromFull(ReadOnlySpan<double> full, Span<double> covariances, int k, int d) =>
        full[..(k * d * d)].CopyTo(covariances);
}
