namespace Mixtures.Internal.Kernels;

/// <summary>
/// Singular value decomposition of a square D x D matrix by one-sided Jacobi (Hestenes): columns of
/// a working copy are rotated pairwise until orthogonal. Unlike an eigen-decomposition of F^T F it
/// keeps full relative accuracy, which the orientation updates of mclust's EVE and VVE need (they use
/// the orthogonal factors of nearly singular F).
/// </summary>
internal static class Svd
{
    const int MaxSweeps = 100;

    /// <summary>
    /// a = U diag(s) V^T with singular values in decreasing order; U and V are orthogonal, row-major,
    /// singular vectors as columns. A zero singular value gets a unit column of U completing the basis.
    /// </summary>
    public static void Decompose(ReadOnlySpan<double> a, int d, Span<double> u, Span<double> s, Span<double> v)
    {
        var w = a[..(d * d)].ToArray();
        v[..(d * d)].Clear();
        for (int i = 0; i < d; i++) v[i * d + i] = 1;
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            bool rotated = false;
            for (int p = 0; p < d - 1; p++)
                for (int q = p + 1; q < d; q++)
                {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int i = 0; i < d; i++)
                    {
                        double x = w[i * d + p], y = w[i * d + q];
                        alpha += x * x;
                        beta += y * y;
                        gamma += x * y;
                    }
                    if (gamma == 0 || Math.Abs(gamma) <= 1e-15 * Math.Sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.Sign(zeta) / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta));
                    if (zeta == 0) t = 1;
                    double c = 1 / Math.Sqrt(1 + t * t), sn = c * t;
                    RotateColumns(w, d, p, q, c, sn);
                    RotateColumns(v, d, p, q, c, sn);
                }
            if (!rotated) break;
        }
        for (int j = 0; j < d; j++)
        {
            double norm = 0;
            for (int i = 0; i < d; i++) norm += w[i * d + j] * w[i * d + j];
            s[j] = Math.Sqrt(norm);
        }
        SymmetricEigen.SortDecreasing(s, w, d, v);
        for (int j = 0; j < d; j++)
            for (int i = 0; i < d; i++) u[i * d + j] = s[j] > 0 ? w[i * d + j] / s[j] : 0;
        CompleteBasis(u, s, d);
    }

    static void RotateColumns(Span<double> m, int d, int p, int q, double c, double s)
    {
        for (int i = 0; i < d; i++)
        {
            double x = m[i * d + p], y = m[i * d + q];
            m[i * d + p] = c * x - s * y;
            m[i * d + q] = s * x + c * y;
        }
    }

    /// <summary>Columns of U for zero singular values: Gram-Schmidt on unit vectors against the others.</summary>
    static void CompleteBasis(Span<double> u, ReadOnlySpan<double> s, int d)
    {
        for (int j = 0; j < d; j++)
        {
            if (s[j] > 0) continue;
            for (int e = 0; e < d; e++)
            {
                for (int i = 0; i < d; i++) u[i * d + j] = i == e ? 1 : 0;
                for (int pass = 0; pass < 2; pass++)
                    for (int o = 0; o < d; o++)
                    {
                        if (o == j || (s[o] == 0 && o > j)) continue;
                        double dot = 0;
                        for (int i = 0; i < d; i++) dot += u[i * d + o] * u[i * d + j];
                        for (int i = 0; i < d; i++) u[i * d + j] -= dot * u[i * d + o];
                    }
                double norm = 0;
                for (int i = 0; i < d; i++) norm += u[i * d + j] * u[i * d + j];
                if (norm < 1e-8) continue;
                for (int i = 0; i < d; i++) u[i * d + j] /= Math.Sqrt(norm);
                break;
            }
        }
    }
}
