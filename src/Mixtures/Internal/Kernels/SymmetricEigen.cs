namespace Mixtures.Internal.Kernels;

/// <summary>
/// Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations. The covariance
/// models that rotate (mclust's EEV, VEV, EVE, VVE and the volume of EVV) need D x D
/// decompositions once per component and M-step; Jacobi is simple, accurate to rounding for
/// these sizes (D up to about 100) and needs no pivoting decisions that could differ by platform.
/// </summary>
internal static class SymmetricEigen
{
    const int MaxSweeps = 100;

    /// <summary>
    /// Eigenvalues of the symmetric row-major D x D matrix <paramref name="a"/> in decreasing order,
    /// with the matching unit eigenvectors as the columns of <paramref name="vectors"/> (row-major:
    /// vectors[i * D + j] is entry i of vector j), so a = V diag(values) V^T.
    /// </summary>
    public static void Decompose(ReadOnlySpan<double> a, int d, Span<double> values, Span<double> vectors)
    {
        var m = a[..(d * d)].ToArray();
        vectors[..(d * d)].Clear();
        for (int i = 0; i < d; i++) vectors[i * d + i] = 1;
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0, diag = 0;
            for (int i = 0; i < d; i++)
            {
                diag += m[i * d + i] * m[i * d + i];
                for (int j = i + 1; j < d; j++) off += m[i * d + j] * m[i * d + j];
            }
            if (off <= 1e-32 * diag || off == 0) break;
            for (int p = 0; p < d - 1; p++)
                for (int q = p + 1; q < d; q++)
                    Rotate(m, vectors, d, p, q);
        }
        for (int i = 0; i < d; i++) values[i] = m[i * d + i];
        SortDecreasing(values, vectors, d);
    }

    /// <summary>One rotation in the (p, q) plane that zeroes m[p, q] (Rutishauser's stable form).</summary>
    static void Rotate(double[] m, Span<double> v, int d, int p, int q)
    {
        double apq = m[p * d + q];
        if (apq == 0) return;
        double app = m[p * d + p], aqq = m[q * d + q];
        double theta = (aqq - app) / (2 * apq);
        double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        if (theta == 0) t = 1;
        double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < d; k++)
        {
            double mkp = m[k * d + p], mkq = m[k * d + q];
            m[k * d + p] = c * mkp - s * mkq;
            m[k * d + q] = s * mkp + c * mkq;
        }
        for (int k = 0; k < d; k++)
        {
            double mpk = m[p * d + k], mqk = m[q * d + k];
            m[p * d + k] = c * mpk - s * mqk;
            m[q * d + k] = s * mpk + c * mqk;
        }
        m[p * d + q] = 0;
        m[q * d + p] = 0;
        for (int k = 0; k < d; k++)
        {
            double vkp = v[k * d + p], vkq = v[k * d + q];
            v[k * d + p] = c * vkp - s * vkq;
            v[k * d + q] = s * vkp + c * vkq;
        }
    }

    /// <summary>
    /// Sorts values decreasing, moving the columns of <paramref name="columns"/> (and of <paramref name="alsoColumns"/>,
    /// when given) along (selection sort: D is small).
    /// </summary>
    internal static void SortDecreasing(Span<double> values, Span<double> columns, int d, Span<double> alsoColumns = default)
    {
        for (int i = 0; i < d; i++)
        {
            int best = i;
            for (int j = i + 1; j < d; j++)
                if (values[j] > values[best]) best = j;
            if (best == i) continue;
            (values[i], values[best]) = (values[best], values[i]);
            SwapColumns(columns, d, i, best);
            if (!alsoColumns.IsEmpty) SwapColumns(alsoColumns, d, i, best);
        }
    }

    static void SwapColumns(Span<double> m, int d, int a, int b)
    {
        for (int r = 0; r < d; r++) (m[r * d + a], m[r * d + b]) = (m[r * d + b], m[r * d + a]);
    }
}
