using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Gaussian;

/// <summary>
/// Immutable parameters of a Gaussian mixture, stored flat in scikit-learn's shapes:
/// covariances and precision factors are K*D*D (full), D*D (tied), K*D (diag) or K (spherical).
/// Full and tied factors are upper-triangular U with precision = U U^T; diag and spherical hold
/// 1/sqrt(variance).
/// </summary>
internal sealed class GaussianParameters
{
    GaussianParameters(CovarianceType type, int k, int d, double[] weights, double[] means, double[] covariances, double[] precChol)
    {
        Type = type; K = k; D = d; Weights = weights; Means = means; Covariances = covariances; PrecisionsCholesky = precChol;
        LogDet = new double[k];
        for (int c = 0; c < k; c++) LogDet[c] = ComputeLogDet(c);
    }

    public CovarianceType Type { get; }
    public int K { get; }
    public int D { get; }
    public double[] Weights { get; }
    public double[] Means { get; }
    public double[] Covariances { get; }
    public double[] PrecisionsCholesky { get; }
    /// <summary>ln det U_k = 0.5 ln det precision_k.</summary>
    public double[] LogDet { get; }

    public static int CovarianceLength(CovarianceType type, int k, int d) => type switch
    {
        CovarianceType.Full => k * d * d,
        CovarianceType.Tied => d * d,
        CovarianceType.Diag => k * d,
        _ => k,
    };

    /// <summary>Number of free parameters, as scikit-learn counts them.</summary>
    public static int ParameterCount(CovarianceType type, int k, int d)
    {
        int cov = type switch
        {
            CovarianceType.Full => k * d * (d + 1) / 2,
            CovarianceType.Tied => d * (d + 1) / 2,
            CovarianceType.Diag => k * d,
            _ => k,
        };
        return cov + k * d + k - 1;
    }

    /// <summary>
    /// Parameters from covariances; the precision factors are computed here. Returns null and the
    /// failing component (-1 for tied) when a covariance is not positive definite.
    /// </summary>
    public static GaussianParameters? TryCreate(CovarianceType type, int k, int d, double[] weights, double[] means,
        double[] covariances, List<int>? failed = null)
    {
        var prec = new double[covariances.Length];
        bool ok = true;
        switch (type)
        {
            case CovarianceType.Full:
                for (int c = 0; c < k; c++)
                {
                    if (!Cholesky.PrecisionFactor(covariances.AsSpan(c * d * d, d * d), prec.AsSpan(c * d * d, d * d), d))
                    {
                        ok = false;
                        failed?.Add(c);
                        Cholesky.PrecisionFactor(IdentityLike(d), prec.AsSpan(c * d * d, d * d), d);
                    }
                }
                break;
            case CovarianceType.Tied:
                if (!Cholesky.PrecisionFactor(covariances, prec, d))
                {
                    failed?.Add(-1);
                    return null;
                }
                break;
            default:
                for (int i = 0; i < covariances.Length; i++)
                {
                    double v = covariances[i];
                    if (!(v > 0) || !double.IsFinite(v) || !double.IsFinite(1 / Math.Sqrt(v)))
                    {
                        ok = false;
                        int c = type == CovarianceType.Diag ? i / d : i;
                        if (failed is not null && (failed.Count == 0 || failed[^1] != c)) failed.Add(c);
                        prec[i] = 1;
                    }
                    else prec[i] = 1 / Math.Sqrt(v);
                }
                break;
        }
        var p = new GaussianParameters(type, k, d, weights, means, covariances, prec);
        return ok || failed is not null ? p : null;
    }

    /// <summary>Parameters from precisions (inverse covariances), as an explicit initialization gives them.</summary>
    public static GaussianParameters? TryCreateFromPrecisions(CovarianceType type, int k, int d, double[] weights, double[] means,
        double[] precisions, List<int> failed)
    {
        var cov = new double[precisions.Length];
        if (type is CovarianceType.Full or CovarianceType.Tied)
        {
            int blocks = type == CovarianceType.Full ? k : 1;
            for (int c = 0; c < blocks; c++)
                if (!Cholesky.InvertSpd(precisions.AsSpan(c * d * d, d * d), cov.AsSpan(c * d * d, d * d), d))
                {
                    failed.Add(type == CovarianceType.Full ? c : -1);
                    return null;
                }
        }
        else
        {
            for (int i = 0; i < precisions.Length; i++)
            {
                if (!(precisions[i] > 0) || !double.IsFinite(precisions[i]))
                {
                    failed.Add(type == CovarianceType.Diag ? i / d : i);
                    return null;
                }
                cov[i] = 1 / precisions[i];
            }
        }
        var p = TryCreate(type, k, d, weights, means, cov, failed);
        return failed.Count == 0 ? p : null;
    }

    /// <summary>
    /// Parameters read from a model file, keeping the stored precision factors bit for bit. Checks
    /// that they are valid (triangular, positive diagonal) and agree with the covariances
    /// (U^T Sigma U = I within 1e-6); otherwise null and the problem.
    /// </summary>
    public static GaussianParameters? Restore(CovarianceType type, int k, int d, double[] weights, double[] means,
        double[] covariances, double[] precChol, out string? problem)
    {
        problem = null;
        if (type is CovarianceType.Full or CovarianceType.Tied)
        {
            int blocks = type == CovarianceType.Full ? k : 1;
            var cu = new double[d];
            for (int c = 0; c < blocks; c++)
            {
                var u = precChol.AsSpan(c * d * d, d * d);
                var cov = covariances.AsSpan(c * d * d, d * d);
                for (int i = 0; i < d; i++)
                {
                    if (!(u[i * d + i] > 0)) { problem = $"precisions_cholesky of component {c} has a non-positive diagonal."; return null; }
                    for (int j = 0; j < i; j++)
                        if (u[i * d + j] != 0) { problem = $"precisions_cholesky of component {c} is not upper triangular."; return null; }
                    for (int j = 0; j < d; j++)
                        if (Math.Abs(cov[i * d + j] - cov[j * d + i]) > 1e-9 * (Math.Abs(cov[i * d + j]) + Math.Abs(cov[j * d + i])))
                        { problem = $"covariances of component {c} is not symmetric."; return null; }
                }
                // U^T Sigma U should be the identity.
                for (int a = 0; a < d; a++)
                {
                    for (int j = 0; j < d; j++)
                    {
                        double s = 0;
                        for (int i = 0; i <= a; i++) s += u[i * d + a] * cov[i * d + j];
                        cu[j] = s;
                    }
                    for (int b = 0; b < d; b++)
                    {
                        double s = 0;
                        for (int j = 0; j <= b; j++) s += cu[j] * u[j * d + b];
                        if (Math.Abs(s - (a == b ? 1 : 0)) > 1e-6)
                        { problem = $"covariances and precisions_cholesky of component {c} disagree; the file is corrupted."; return null; }
                    }
                }
            }
        }
        else
        {
            for (int i = 0; i < covariances.Length; i++)
            {
                int c = type == CovarianceType.Diag ? i / d : i;
                if (!(covariances[i] > 0)) { problem = $"covariances of component {c} must be positive."; return null; }
                double expected = 1 / Math.Sqrt(covariances[i]);
                if (!(Math.Abs(precChol[i] - expected) <= 1e-6 * expected))
                { problem = $"covariances and precisions_cholesky of component {c} disagree; the file is corrupted."; return null; }
            }
        }
        return new GaussianParameters(type, k, d, weights, means, covariances, precChol);
    }

    public GaussianParameters With(double[] weights, double[] means, double[] covariances, double[] precChol) =>
        new(Type, K, D, weights, means, covariances, precChol);

    double ComputeLogDet(int c)
    {
        int d = D;
        double s = 0;
        switch (Type)
        {
            case CovarianceType.Full:
                for (int j = 0; j < d; j++) s += Math.Log(PrecisionsCholesky[c * d * d + j * d + j]);
                return s;
            case CovarianceType.Tied:
                for (int j = 0; j < d; j++) s += Math.Log(PrecisionsCholesky[j * d + j]);
                return s;
            case CovarianceType.Diag:
                for (int j = 0; j < d; j++) s += Math.Log(PrecisionsCholesky[c * d + j]);
                return s;
            default:
                return d * Math.Log(PrecisionsCholesky[c]);
        }
    }

    /// <summary>Component c's covariance as a full D x D matrix (row-major).</summary>
    public void FullCovariance(int c, Span<double> output)
    {
        int d = D;
        output[..(d * d)].Clear();
        switch (Type)
        {
            case CovarianceType.Full: Covariances.AsSpan(c * d * d, d * d).CopyTo(output); break;
            case CovarianceType.Tied: Covariances.AsSpan(0, d * d).CopyTo(output); break;
            case CovarianceType.Diag: for (int j = 0; j < d; j++) output[j * d + j] = Covariances[c * d + j]; break;
            default: for (int j = 0; j < d; j++) output[j * d + j] = Covariances[c]; break;
        }
    }

    /// <summary>Component c's precision factor U as a full D x D upper-triangular matrix.</summary>
    public void FullPrecisionCholesky(int c, Span<double> output)
    {
        int d = D;
        output[..(d * d)].Clear();
        switch (Type)
        {
            case CovarianceType.Full: PrecisionsCholesky.AsSpan(c * d * d, d * d).CopyTo(output); break;
            case CovarianceType.Tied: PrecisionsCholesky.AsSpan(0, d * d).CopyTo(output); break;
            case CovarianceType.Diag: for (int j = 0; j < d; j++) output[j * d + j] = PrecisionsCholesky[c * d + j]; break;
            default: for (int j = 0; j < d; j++) output[j * d + j] = PrecisionsCholesky[c]; break;
        }
    }

    static double[] IdentityLike(int d)
    {
        var a = new double[d * d];
        for (int i = 0; i < d; i++) a[i * d + i] = 1;
        return a;
    }
}
