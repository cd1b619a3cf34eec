namespace Mixtures.Internal.Kernels;

/// <summary>Cholesky factorization and the precision factor U = L^-T of a covariance.</summary>
internal static class Cholesky
{
    const double RelativePivotFloor = 1e-12;

    /// <summary>
    /// Lower Cholesky factor of the symmetric matrix <paramref name="a"/> (row-major D x D, lower
    /// triangle read) written into <paramref name="l"/>. False when it is not positive definite.
    /// </summary>
    public static bool Factor(ReadOnlySpan<double> a, Span<double> l, int d)
    {
        l[..(d * d)].Clear();
        for (int j = 0; j < d; j++)
        {
            // D = 10000 takes minutes; every 64 columns is a few milliseconds of work at most.
            if ((j & 63) == 63) FitCancellation.ThrowIfRequested();
            double s = a[j * d + j];
            for (int k = 0; k < j; k++) s -= l[j * d + k] * l[j * d + k];
            // A pivot is the variance of x_j left once the earlier coordinates are known. Below
            // 1e-12 of x_j's own variance the matrix is singular up to rounding (say, a component
            // holding D points or fewer without reg_covar): treat it as not positive definite
            // rather than let a rounding residue define a huge likelihood.
            if (!(s > RelativePivotFloor * a[j * d + j]) || !double.IsFinite(s)) return false;
            double ljj = Math.Sqrt(s);
            l[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++)
            {
                double t = a[i * d + j];
                for (int k = 0; k < j; k++) t -= l[i * d + k] * l[j * d + k];
                l[i * d + j] = t / ljj;
            }
        }
        return true;
    }

    /// <summary>
    /// Precision Cholesky factor U (upper triangular, precision = U U^T) of a covariance, as
    /// scikit-learn computes it: U = (L^-1)^T with covariance = L L^T. False if not positive definite.
    /// </summary>
    public static bool PrecisionFactor(ReadOnlySpan<double> covariance, Span<double> u, int d)
    {
        // Above one block the scalar loops run at about 1 GFLOP/s (a D = 1000 factor took most of an EM iteration);
        // up to it the blocked code does the very same operations, so small D keeps the allocation-free loops below.
        if (d > BlockedCholesky.BlockSize && BlockKernels.IsSupported) return BlockedCholesky.PrecisionFactor(covariance, u, d);
        Span<double> l = d <= 64 ? stackalloc double[d * d] : new double[d * d];
        if (!Factor(covariance, l, d)) return false;
        // Inverse of lower-triangular L by forward substitution, column by column: L X = I.
        u[..(d * d)].Clear();
        for (int c = 0; c < d; c++)
        {
            if ((c & 63) == 63) FitCancellation.ThrowIfRequested();
            for (int i = c; i < d; i++)
            {
                double s = i == c ? 1.0 : 0.0;
                for (int k = c; k < i; k++) s -= l[i * d + k] * u[c * d + k];
                // store X[i, c] transposed: U[c, i] = X[i, c]
                u[c * d + i] = s / l[i * d + i];
            }
        }
        for (int i = 0; i < d * d; i++)
            if (!double.IsFinite(u[i])) return false;
        return true;
    }

    /// <summary>precision = U U^T for an upper-triangular U.</summary>
    public static void PrecisionFromFactor(ReadOnlySpan<double> u, Span<double> precision, int d)
    {
        if (d > BlockedCholesky.BlockSize && System.Numerics.Vector.IsHardwareAccelerated)
        {
            PrecisionFromFactorRows(u, precision, d);
            return;
        }
        for (int i = 0; i < d; i++)
        {
            if ((i & 63) == 63) FitCancellation.ThrowIfRequested();
            for (int j = 0; j <= i; j++)
            {
                double s = 0;
                for (int k = Math.Max(i, j); k < d; k++) s += u[i * d + k] * u[j * d + k];
                precision[i * d + j] = s;
                precision[j * d + i] = s;
            }
        }
    }

    /// <summary>
    /// <see cref="PrecisionFromFactor"/> by rows: P[i, :i] += U[i, k] U^T[k, :i] for k = i..d-1 in order, vectorized along
    /// the row. Element (i, j &lt;= i) adds the same products in the same order as the scalar loop, so the result is the
    /// same bits at vector speed (a D = 1000 explicit initialization took a second in the scalar loop).
    /// </summary>
    static void PrecisionFromFactorRows(ReadOnlySpan<double> u, Span<double> precision, int d)
    {
        var ut = WorkspacePool.Rent(d * d);
        try
        {
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++) ut[j * d + i] = u[i * d + j];
            for (int i = 0; i < d; i++)
            {
                if ((i & 63) == 63) FitCancellation.ThrowIfRequested();
                var row = precision.Slice(i * d, d);
                row.Clear();
                for (int k = i; k < d; k++)
                {
                    double a = u[i * d + k];
                    // Only the lower triangle (j <= i) is kept; U^T[k, j] = U[j, k] for j <= i <= k.
                    var src = ut.AsSpan(k * d, i + 1);
                    var dst = row[..(i + 1)];
                    int w = System.Numerics.Vector<double>.Count, j = 0;
                    var va = new System.Numerics.Vector<double>(a);
                    for (; j <= i + 1 - w; j += w)
                        (new System.Numerics.Vector<double>(dst[j..]) + va * new System.Numerics.Vector<double>(src[j..])).CopyTo(dst[j..]);
                    for (; j <= i; j++) dst[j] += a * src[j];
                }
            }
            // The scalar loop writes both triangles from the lower one: mirror it.
            for (int i = 0; i < d; i++)
                for (int j = 0; j < i; j++) precision[j * d + i] = precision[i * d + j];
        }
        finally
        {
            WorkspacePool.Return(ut);
        }
    }

    /// <summary>Inverse of a symmetric positive definite matrix; false if it is not positive definite.</summary>
    public static bool InvertSpd(ReadOnlySpan<double> a, Span<double> inverse, int d)
    {
        Span<double> u = new double[d * d];
        // For A = L L^T, U = L^-T gives A^-1 = U U^T.
        if (!PrecisionFactor(a, u, d)) return false;
        PrecisionFromFactor(u, inverse, d);
        return true;
    }
}
