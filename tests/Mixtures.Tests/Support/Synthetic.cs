namespace Mixtures.Tests.Support;

/// <summary>Small synthetic datasets drawn from a known mixture with a fixed seed.</summary>
public static class Synthetic
{
    /// <summary>Well separated isotropic clusters in D dimensions: centre c at (10 c, -5 c, ...), unit variance.</summary>
    public static double[,] Blobs(int n, int d, int k, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n, d];
        for (int i = 0; i < n; i++)
        {
            int c = i % k;
            for (int j = 0; j < d; j++) x[i, j] = (j % 2 == 0 ? 10.0 : -5.0) * c + Normal(rng);
        }
        return x;
    }

    public static double Normal(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static double[,] Map(double[,] x, Func<double, double> f)
    {
        var y = new double[x.GetLength(0), x.GetLength(1)];
        for (int i = 0; i < x.GetLength(0); i++)
            for (int j = 0; j < x.GetLength(1); j++) y[i, j] = f(x[i, j]);
        return y;
    }

    public static CovarianceType[] AllTypes => [CovarianceType.Full, CovarianceType.Tied, CovarianceType.Diag, CovarianceType.Spherical];
}
