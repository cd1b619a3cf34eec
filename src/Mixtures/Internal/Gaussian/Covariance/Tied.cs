namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>scikit-learn's <c>tied</c> (mclust's EEE): all components share one general covariance.</summary>
internal sealed class Tied() : TriangularCovariance(perComponent: false), IVariationalCovariance
{
    public override CovarianceType Type => CovarianceType.Tied;
    public override string Name => "tied";
    public override int ParameterCount(int k, int d) => d * (d + 1) / 2;
    public override (int Matrices, int Rows, int Columns) PrecisionsInitShape(int k, int d) => (1, d, d);

    // The pooled within-component scatter is the data's scatter about a fixed centre corrected by each
    // component's mean: no per-component second moments are summed in the E-step pass.
    public override MomentShape Moments => MomentShape.None;
    public override bool NeedsDataScatter => true;

    public override void Estimate(MStepInputs inputs, Span<double> cov)
    {
        int k = inputs.K, d = inputs.D;
        var st = inputs.Statistics;
        var c0 = inputs.DataMean;
        inputs.DataScatter.CopyTo(cov);
        var dk = new double[d];
        var bk = new double[d];
        for (int c = 0; c < k; c++)
        {
            double r = st.R[c];
            for (int j = 0; j < d; j++)
            {
                dk[j] = inputs.Means[c * d + j] - c0[j];
                bk[j] = st.A[c * d + j] + r * (st.Shift[c * d + j] - c0[j]);   // sum r (x - c)
            }
            // sum_n r (x - m)(x - m)^T = sum_n r (x - c)(x - c)^T - d b^T - b d^T + R d d^T, summed over k
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    cov[i * d + j] -= dk[i] * bk[j] + bk[i] * dk[j] - r * dk[i] * dk[j];
        }
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
            {
                double v = 0.5 * (cov[i * d + j] + cov[j * d + i]) / inputs.NSum;
                cov[i * d + j] = v;
                cov[j * d + i] = v;
            }
        for (int i = 0; i < d; i++) cov[i * d + i] += inputs.Reg;
    }

    /// <summary>
    /// One nu = v0 + sum_k N_k / K for all components and
    /// Sigma = (P0 + (sum_k N_k / K) S + (b0 / K) sum_k (N_k / beta_k) (xbar_k - m0)(xbar_k - m0)^T) / nu.
    /// </summary>
    public void Posterior(PosteriorInputs v, Span<double> covariances, Span<double> degreesOfFreedom)
    {
        int k = v.K, d = v.D;
        double perComponent = v.NSum / k, nu = v.DegreesOfFreedomPrior + perComponent;
        degreesOfFreedom[..k].Fill(nu);
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                double spread = 0;
                for (int c = 0; c < k; c++) spread += v.Nk[c] / v.MeanPrecision[c] * v.Diff(c, i) * v.Diff(c, j);
                covariances[i * d + j] = (v.CovariancePrior[i * d + j] + v.Scatter[i * d + j] * perComponent + v.MeanPrecisionPrior / k * spread) / nu;
            }
    }

    /// <summary>The shared covariance stays: a re-seeded component gets a new mean and weight only.</summary>
    public override void Reseed(Span<double> covariances, int c, int d, ReadOnlySpan<double> variances) { }

    public override void FromFull(ReadOnlySpan<double> full, Span<double> covariances, int k, int d) =>
        full[..(d * d)].CopyTo(covariances);
}
