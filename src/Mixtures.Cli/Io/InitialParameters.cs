namespace Mixtures.Cli.Io;

/// <summary>Initial mixture parameters from an <c>--init</c> file, shaped for the library's options.</summary>
/// <param name="Weights">Mixing weights [K].</param>
/// <param name="Means">Means [K, D].</param>
/// <param name="Precisions">Precisions in scikit-learn's layout for <paramref name="CovarianceType"/>; empty for a family without them.</param>
/// <param name="CovarianceType">The covariance type the precisions are shaped for.</param>
internal sealed record InitialParameters(double[] Weights, double[,] Means, double[][,] Precisions, CovarianceType CovarianceType)
{
    public int Components => Weights.Length;
    public int Features => Means.GetLength(1);

    /// <summary>The full precision matrix [D, D] of component <paramref name="k"/>.</summary>
    public double[,] FullPrecision(int k) => PrecisionLayout.Of(CovarianceType).FullPrecision(Precisions, k, Features);
}
