using Mixtures.Cli.Plotting;

namespace Mixtures.Cli.Io;

/// <summary>Initial mixture parameters from an <c>--init</c> file, shaped for the library's options.</summary>
/// <param name="Weights">Mixing weights [K].</param>
/// <param name="Means">Means [K, D].</param>
/// <param name="Precisions">Precisions, for a family fitted per covariance type; null for the others.</param>
internal sealed record InitialParameters(double[] Weights, double[,] Means, InitialPrecisions? Precisions)
{
    public int Components => Weights.Length;
    public int Features => Means.GetLength(1);

    /// <summary>The full precision matrix [D, D] of component <paramref name="k"/>.</summary>
    public double[,] FullPrecision(int k) => PrecisionLayout.Of(Precisions!.Type).FullPrecision(Precisions.Matrices, k, Features);

    /// <summary>Every component's covariance [K, D, D]: the inverse of its full precision.</summary>
    public double[,,] Covariances()
    {
        int k = Components, d = Features;
        var cov = new double[k, d, d];
        for (int c = 0; c < k; c++)
        {
            var inv = SmallMatrix.InverseSpd(FullPrecision(c));
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    cov[c, i, j] = inv[i, j];
        }
        return cov;
    }
}

/// <summary>Initial precisions as scikit-learn's <c>precisions_init</c>, and the covariance type they are shaped for.</summary>
/// <param name="Type">The covariance type.</param>
/// <param name="Matrices">The matrices, as <see cref="GaussianMixtureOptions.InitialPrecisions"/> takes them.</param>
internal sealed record InitialPrecisions(CovarianceType Type, double[][,] Matrices);
