using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Initialization.Hierarchical;

/// <summary>
/// mclust's "SVD" transformation before hierarchical clustering: each column centred and divided by its
/// sample standard deviation (divisor N - 1), then Z = X_s V diag(s)^(-1/2) for the thin SVD
/// X_s = U diag(s) V^T. V and s come from the eigen-decomposition of X_s^T X_s (D x D); a column's sign
/// does not change the clustering criterion.
/// </summary>
internal static class HcTransform
{
    public static double[] Svd(double[,] x, int[]? rows)
    {
        int n = rows?.Length ?? x.GetLength(0), d = x.GetLength(1);
        var xs = new double[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) xs[i * d + j] = x[rows?[i] ?? i, j];
        for (int j = 0; j < d; j++)
        {
            double m = 0;
            for (int i = 0; i < n; i++) m += xs[i * d + j];
            m /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) ss += (xs[i * d + j] - m) * (xs[i * d + j] - m);
            double sd = ss > 0 ? Math.Sqrt(ss / (n - 1)) : 1;   // a constant column stays 0 rather than NaN
            for (int i = 0; i < n; i++) xs[i * d + j] = (xs[i * d + j] - m) / sd;
        }
        var gram = new double[d * d];
        for (int i = 0; i < n; i++)
            for (int a = 0; a < d; a++)
                for (int b = 0; b <= a; b++) gram[a * d + b] += xs[i * d + a] * xs[i * d + b];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < a; b++) gram[b * d + a] = gram[a * d + b];
        var values = new double[d];
        var v = new double[d * d];
        SymmetricEigen.Decompose(gram, d, values, v);
        var scale = new double[d];
        for (int j = 0; j < d; j++) scale[j] = values[j] > 0 ? 1 / Math.Sqrt(Math.Sqrt(values[j])) : 0;   // s^(-1/2), s = sqrt(eigenvalue)
        var z = new double[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                double t = 0;
                for (int m = 0; m < d; m++) t += xs[i * d + m] * v[m * d + j];
                z[i * d + j] = t * scale[j];
            }
        return z;
    }
}
