using Mixtures.Data;

namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// What every model stored as per-component variances shares (D per component, or one): factors
/// 1/sqrt(variance), their checks, and the diagonal kernel's packed form.
/// </summary>
internal abstract class DiagonalCovariance(bool perFeature) : ICovarianceModel
{
    public abstract CovarianceType Type { get; }
    public abstract string Name { get; }
    public abstract int ParameterCount(int k, int d);
    public abstract (int Matrices, int Rows, int Columns) PrecisionsInitShape(int k, int d);
    public abstract void Estimate(MStepInputs inputs, Span<double> covariances);
    public abstract void Reseed(Span<double> covariances, int c, int d, ReadOnlySpan<double> variances);

    /// <summary>Variances stored per component: D, or 1.</summary>
    protected static int Entries(bool perFeature, int d) => perFeature ? d : 1;

    int PerComponent(int d) => Entries(perFeature, d);

    /// <summary>Component c's variance along feature j.</summary>
    protected double At(ReadOnlySpan<double> values, int c, int j, int d) => perFeature ? values[c * d + j] : values[c];

    public int Length(int k, int d) => k * PerComponent(d);

    public int[] Shape(int k, int d) => perFeature ? [k, d] : [k];

    public MomentShape Moments => MomentShape.Diagonal;

    public bool NeedsDataScatter => false;

    public FactorLayout Layout => FactorLayout.DiagonalPerComponent;

    // The covariance prior of a variational fit (IVariationalCovariance, declared by Diag and Spherical):
    // D variances, or one.

    /// <summary>[D], or [] (one number).</summary>
    public int[] PriorShape(int d) => perFeature ? [d] : [];

    /// <summary>The data's per-feature variances with divisor N - 1, or their mean (spherical).</summary>
    public double[] DefaultPrior(IRowSource data, double totalWeight)
    {
        var variance = DataMoments.Compute(data, totalWeight, scatter: false).Variance;
        for (int j = 0; j < variance.Length; j++) variance[j] *= totalWeight / (totalWeight - 1);
        if (perFeature) return variance;
        double sum = 0;
        foreach (double v in variance) sum += v;
        return [sum / variance.Length];
    }

    /// <summary>Every variance positive, as scikit-learn requires of an explicit prior.</summary>
    public string? CheckPrior(ReadOnlySpan<double> prior, int d)
    {
        foreach (double v in prior)
            if (!(v > 0)) return "must be positive.";
        return null;
    }

    /// <summary>Never: every component has its own variances.</summary>
    public bool SharedDegreesOfFreedom => false;

    /// <summary>
    /// nu_k = v0 + N_k and Sigma_kd = (P0_d + N_k (S_kd + b0 / beta_k (xbar_kd - m0_d)^2)) / nu_k; spherical: one
    /// variance from the mean over d of S's variances and of the squared differences, with one P0.
    /// </summary>
    public void Posterior(PosteriorInputs v, Span<double> covariances, Span<double> degreesOfFreedom)
    {
        int d = v.D, m = PerComponent(d);
        for (int c = 0; c < v.K; c++)
        {
            double nk = v.Nk[c], nu = v.DegreesOfFreedomPrior + nk, shrink = v.MeanPrecisionPrior / v.MeanPrecision[c];
            degreesOfFreedom[c] = nu;
            if (perFeature)
            {
                for (int j = 0; j < d; j++)
                {
                    double diff = v.Diff(c, j);
                    covariances[c * d + j] = (v.CovariancePrior[j] + nk * (v.Scatter[c * d + j] + shrink * (diff * diff))) / nu;
                }
                continue;
            }
            double squares = 0;
            for (int j = 0; j < d; j++) squares += v.Diff(c, j) * v.Diff(c, j);
            covariances[c * m] = (v.CovariancePrior[0] + nk * (v.Scatter[c] + shrink * (squares / d))) / nu;
        }
    }

    public void Factor(ReadOnlySpan<double> covariances, Span<double> factors, int k, int d, List<int> failed)
    {
        int m = PerComponent(d);
        for (int i = 0; i < covariances.Length; i++)
        {
            double v = covariances[i], f = 1 / Math.Sqrt(v);
            bool ok = v > 0 && double.IsFinite(v) && double.IsFinite(f);
            factors[i] = ok ? f : 1;
            if (!ok && (failed.Count == 0 || failed[^1] != i / m)) failed.Add(i / m);
        }
    }

    public bool CovariancesFromPrecisions(ReadOnlySpan<double> precisions, Span<double> covariances, int k, int d, List<int> failed)
    {
        for (int i = 0; i < precisions.Length; i++)
        {
            if (!(precisions[i] > 0) || !double.IsFinite(precisions[i]))
            {
                failed.Add(i / PerComponent(d));
                return false;
            }
            covariances[i] = 1 / precisions[i];
        }
        return true;
    }

    public string? CheckStored(ReadOnlySpan<double> covariances, ReadOnlySpan<double> factors, int k, int d)
    {
        for (int i = 0; i < covariances.Length; i++)
        {
            int c = i / PerComponent(d);
            if (!(covariances[i] > 0)) return $"covariances of component {c} must be positive.";
            double expected = 1 / Math.Sqrt(covariances[i]);
            if (!(Math.Abs(factors[i] - expected) <= 1e-6 * expected))
                return $"covariances and precisions_cholesky of component {c} disagree; the file is corrupted.";
        }
        return null;
    }

    public double LogDet(ReadOnlySpan<double> factors, int c, int d)
    {
        if (!perFeature) return d * Math.Log(factors[c]);
        double s = 0;
        for (int j = 0; j < d; j++) s += Math.Log(factors[c * d + j]);
        return s;
    }

    public void ExpandCovariance(ReadOnlySpan<double> covariances, int c, int d, Span<double> output)
    {
        output[..(d * d)].Clear();
        for (int j = 0; j < d; j++) output[j * d + j] = At(covariances, c, j, d);
    }

    public void ExpandFactor(ReadOnlySpan<double> factors, int c, int d, Span<double> output)
    {
        output[..(d * d)].Clear();
        for (int j = 0; j < d; j++) output[j * d + j] = At(factors, c, j, d);
    }

    public void PackFactor(ReadOnlySpan<double> factors, int index, int d, Span<double> output)
    {
        for (int j = 0; j < d; j++) output[j] = At(factors, index, j, d);
    }

    public void FromFull(ReadOnlySpan<double> full, Span<double> covariances, int k, int d)
    {
        for (int c = 0; c < k; c++)
        {
            if (perFeature)
                for (int j = 0; j < d; j++) covariances[c * d + j] = full[c * d * d + j * d + j];
            else covariances[c] = full[c * d * d];
        }
    }
}
