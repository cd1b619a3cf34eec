namespace Mixtures.Cli.Io;

/// <summary>Initial mixture parameters from an <c>--init</c> file, shaped for <see cref="GaussianMixtureOptions"/>.</summary>
/// <param name="Weights">Mixing weights [K].</param>
/// <param name="Means">Means [K, D].</param>
/// <param name="Precisions">Precisions in scikit-learn's layout for the covariance type.</param>
/// <param name="CovarianceType">The covariance type the precisions are shaped for.</param>
internal sealed record InitialParameters(double[] Weights, double[,] Means, double[][,] Precisions, CovarianceType CovarianceType)
{
    public int Components => Weights.Length;
    public int Features => Means.GetLength(1);

    /// <summary>The full precision matrix [D, D] of component <paramref name="k"/>.</summary>
    public double[,] FullPrecision(int k)
    {
        int d = Features;
        var p = new double[d, d];
        switch (CovarianceType)
        {
            case CovarianceType.Full: return (double[,])Precisions[k].Clone();
            case CovarianceType.Tied: return (double[,])Precisions[0].Clone();
            case CovarianceType.Diag:
                for (int j = 0; j < d; j++) p[j, j] = Precisions[0][k, j];
                return p;
            default:
                for (int j = 0; j < d; j++) p[j, j] = Precisions[0][k, 0];
                return p;
        }
    }
}
