using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// mclust's VII, VVI, EEE and VVV are scikit-learn's spherical, diag, tied and full: the M-step is that
/// model's (so the estimates agree to the last bit), only the storage (K full matrices), the names and
/// mclust's failure rules differ. reg_covar comes from the scikit-learn estimate.
/// </summary>
internal abstract class SharedStructure(ICovarianceModel structure) : MclustCovariance
{
    public override MomentShape Moments => structure.Moments;
    public override bool NeedsDataScatter => structure.NeedsDataScatter;
    public override int ParameterCount(int k, int d) => structure.ParameterCount(k, d);

    // The scikit-learn estimate already added reg_covar.
    public override void Estimate(MStepInputs inputs, Span<double> covariances) => Fit(inputs, covariances);

    protected override void Fit(MStepInputs inputs, Span<double> sigma)
    {
        int k = inputs.K, d = inputs.D;
        var own = new double[structure.Length(k, d)];
        structure.Estimate(inputs, own);
        for (int c = 0; c < k; c++) structure.ExpandCovariance(own, c, d, sigma.Slice(c * d * d, d * d));
        Check(inputs, sigma);
    }

    /// <summary>mclust's singular-covariance rule for this structure.</summary>
    protected abstract void Check(MStepInputs inputs, ReadOnlySpan<double> sigma);

    /// <summary>
    /// EEE and VVV: with Sigma = R^T R, singular when min_j |R_jj| / (1 + max_j |R_jj|) &lt;= sqrt(eps);
    /// matrices <paramref name="blocks"/> are checked and failures reported as <paramref name="reported"/>(block).
    /// </summary>
    protected static void CholeskyRule(MStepInputs inputs, ReadOnlySpan<double> sigma, int blocks, Func<int, int> reported)
    {
        int d = inputs.D;
        var l = new double[d * d];
        for (int b = 0; b < blocks; b++)
        {
            bool ok = Cholesky.Factor(sigma.Slice(b * d * d, d * d), l, d);
            double min = double.PositiveInfinity, max = 0;
            for (int j = 0; j < d && ok; j++)
            {
                min = Math.Min(min, Math.Abs(l[j * d + j]));
                max = Math.Max(max, Math.Abs(l[j * d + j]));
            }
            if (!ok || min / (1 + max) <= InnerTolerance)
                inputs.Failures.Add((reported(b), "Cholesky rule min |R_jj| / (1 + max |R_jj|) <= sqrt(eps)"));
        }
    }
}
