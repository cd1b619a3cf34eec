using Mixtures.Data;
using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// What every model stored as general D x D matrices shares (one per component, or one for all):
/// Cholesky factors of the precision, their checks, and the triangular kernels' packed form.
/// </summary>
internal abstract class TriangularCovariance(bool perComponent) : ICovarianceModel
{
    public abstract CovarianceType Type { get; }
    public abstract string Name { get; }
    public abstract int ParameterCount(int k, int d);
    public abstract (int Matrices, int Rows, int Columns) PrecisionsInitShape(int k, int d);
    public abstract MomentShape Moments { get; }
    public abstract bool NeedsDataScatter { get; }
    public abstract void Estimate(MStepInputs inputs, Span<double> covariances);
    public abstract void Reseed(Span<double> covariances, int c, int d, ReadOnlySpan<double> variances);
    public abstract void FromFull(ReadOnlySpan<double> full, Span<double> covariances, int k, int d);

    /// <summary>Stored matrix <paramref name="c"/> becomes diag(<paramref name="variances"/>) (a re-seeded component).</summary>
    protected static void DiagonalBlock(Span<double> covariances, int c, int d, ReadOnlySpan<double> variances)
    {
        var o = covariances.Slice(c * d * d, d * d);
        o.Clear();
        for (int j = 0; j < d; j++) o[j * d + j] = variances[j];
    }

    /// <summary>Matrices stored: K, or 1 when shared.</summary>
    protected int Blocks(int k) => perComponent ? k : 1;

    /// <summary>The stored matrix component c uses.</summary>
    protected int Block(int c) => perComponent ? c : 0;

    /// <summary>The component a failure of matrix b is reported for (-1: the shared matrix).</summary>
    int Reported(int b) => perComponent ? b : -1;

    public int Length(int k, int d) => Blocks(k) * d * d;

    public int[] Shape(int k, int d) => perComponent ? [k, d, d] : [d, d];

    public FactorLayout Layout => perComponent ? FactorLayout.TriangularPerComponent : FactorLayout.TriangularShared;

    // The covariance prior of a variational fit (IVariationalCovariance, declared by Full and Tied) is a D x D matrix.

    /// <summary>[D, D].</summary>
    public int[] PriorShape(int d) => [d, d];

    /// <summary>The data's covariance matrix with divisor N - 1, as numpy's <c>cov</c>.</summary>
    public double[] DefaultPrior(IRowSource data, double totalWeight)
    {
        var scatter = DataMoments.Compute(data, totalWeight, scatter: true).Scatter;
        for (int i = 0; i < scatter.Length; i++) scatter[i] /= totalWeight - 1;
        return scatter;
    }

    /// <summary>Symmetric positive definite, as scikit-learn requires of an explicit prior.</summary>
    public string? CheckPrior(ReadOnlySpan<double> prior, int d)
    {
        for (int i = 0; i < d; i++)
            for (int j = 0; j < i; j++)
                if (Math.Abs(prior[i * d + j] - prior[j * d + i]) > 1e-10 * (Math.Abs(prior[i * d + j]) + Math.Abs(prior[j * d + i])))
                    return "must be symmetric.";
        return Cholesky.Factor(prior, new double[d * d], d) ? null : "must be positive definite.";
    }

    /// <summary>Whether one matrix is shared by all components.</summary>
    public bool SharedDegreesOfFreedom => !perComponent;

    public void Factor(ReadOnlySpan<double> covariances, Span<double> factors, int k, int d, List<int> failed)
    {
        int blocks = Blocks(k);
        if (blocks == 1 || d < 32)
        {
            for (int b = 0; b < blocks; b++)
                if (!Cholesky.PrecisionFactor(covariances.Slice(b * d * d, d * d), factors.Slice(b * d * d, d * d), d))
                    failed.Add(Reported(b));
            return;
        }
        // The K factorizations are independent: in parallel (each also parallel inside when D is large). Failures
        // are reported in component order whatever finished first.
        var ok = new bool[blocks];
        unsafe
        {
            fixed (double* pc = covariances, pf = factors)
            {
                nint cp = (nint)pc, fp = (nint)pf;
                int len = d * d;
                FitThreads.For(blocks, blocks * 2.0 / 3 * d * d * (double)d, b =>
                    ok[b] = Cholesky.PrecisionFactor(new ReadOnlySpan<double>((double*)cp + (nint)b * len, len), new Span<double>((double*)fp + (nint)b * len, len), d));
            }
        }
        for (int b = 0; b < blocks; b++)
            if (!ok[b]) failed.Add(Reported(b));
    }

    public bool CovariancesFromPrecisions(ReadOnlySpan<double> precisions, Span<double> covariances, int k, int d, List<int> failed)
    {
        for (int b = 0; b < Blocks(k); b++)
            if (!Cholesky.InvertSpd(precisions.Slice(b * d * d, d * d), covariances.Slice(b * d * d, d * d), d))
            {
                failed.Add(Reported(b));
                return false;
            }
        return true;
    }

    public string? CheckStored(ReadOnlySpan<double> covariances, ReadOnlySpan<double> factors, int k, int d)
    {
        var cu = new double[d];
        for (int c = 0; c < Blocks(k); c++)
        {
            var u = factors.Slice(c * d * d, d * d);
            var cov = covariances.Slice(c * d * d, d * d);
            for (int i = 0; i < d; i++)
            {
                if (!(u[i * d + i] > 0)) return $"precisions_cholesky of component {c} has a non-positive diagonal.";
                for (int j = 0; j < i; j++)
                    if (u[i * d + j] != 0) return $"precisions_cholesky of component {c} is not upper triangular.";
                for (int j = 0; j < d; j++)
                    if (Math.Abs(cov[i * d + j] - cov[j * d + i]) > 1e-9 * (Math.Abs(cov[i * d + j]) + Math.Abs(cov[j * d + i])))
                        return $"covariances of component {c} is not symmetric.";
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
                        return $"covariances and precisions_cholesky of component {c} disagree; the file is corrupted.";
                }
            }
        }
        return null;
    }

    public double LogDet(ReadOnlySpan<double> factors, int c, int d)
    {
        var u = factors.Slice(Block(c) * d * d, d * d);
        double s = 0;
        for (int j = 0; j < d; j++) s += Math.Log(u[j * d + j]);
        return s;
    }

    public void ExpandCovariance(ReadOnlySpan<double> covariances, int c, int d, Span<double> output) =>
        covariances.Slice(Block(c) * d * d, d * d).CopyTo(output);

    public void ExpandFactor(ReadOnlySpan<double> factors, int c, int d, Span<double> output) =>
        factors.Slice(Block(c) * d * d, d * d).CopyTo(output);

    public void PackFactor(ReadOnlySpan<double> factors, int index, int d, Span<double> output)
    {
        var u = factors.Slice(index * d * d, d * d);
        for (int i = 0; i < d; i++)
        {
            output.Slice(i * d, i).Clear();   // upper triangle only: zeros below, whatever was stored
            u.Slice(i * d + i, d - i).CopyTo(output[(i * d + i)..]);
        }
    }
}
