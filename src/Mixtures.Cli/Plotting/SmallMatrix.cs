namespace Mixtures.Cli.Plotting;

/// <summary>Dense linear algebra on the small matrices the plots need (D x D covariances).</summary>
internal static class SmallMatrix
{
    /// <summary>Lower Cholesky factor L with A = L L^T; throws when A is not positive definite.</summary>
    public static double[,] Cholesky(double[,] a)
    {
        int n = a.GetLength(0);
        var l = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = a[i, j];
                for (int k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (!(s > 0)) throw new CliException("a covariance or precision matrix is not positive definite.");
                    l[i, i] = Math.Sqrt(s);
                }
                else
                {
                    l[i, j] = s / l[j, j];
                }
            }
        }
        return l;
    }

    /// <summary>Inverse of a symmetric positive definite matrix.</summary>
    public static double[,] InverseSpd(double[,] a)
    {
        int n = a.GetLength(0);
        var l = Cholesky(a);
        var inv = new double[n, n];
        var e = new double[n];
        for (int c = 0; c < n; c++)
        {
            Array.Clear(e);
            e[c] = 1;
            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                double s = e[i];
                for (int k = 0; k < i; k++) s -= l[i, k] * y[k];
                y[i] = s / l[i, i];
            }
            for (int i = n - 1; i >= 0; i--)
            {
                double s = y[i];
                for (int k = i + 1; k < n; k++) s -= l[k, i] * inv[k, c];
                inv[i, c] = s / l[i, i];
            }
        }
        return inv;
    }

    /// <summary>Eigen-decomposition of a symmetric 2 x 2 matrix: larger eigenvalue first, with the angle of its eigenvector.</summary>
    public static (double Major, double Minor, double AngleRadians) Eigen2(double a, double b, double d)
    {
        double mean = (a + d) / 2, diff = (a - d) / 2;
        double r = Math.Sqrt(diff * diff + b * b);
        double angle = 0.5 * Math.Atan2(2 * b, a - d);
        return (mean + r, Math.Max(mean - r, 0), angle);
    }
}
