using Microsoft.ML;

namespace Mixtures.ML;

/// <summary>
/// <c>mlContext.Clustering.Trainers.GaussianMixture(...)</c>, beside ML.NET's own <c>KMeans</c>, with
/// the same two overloads.
/// </summary>
public static class GaussianMixtureCatalog
{
    /// <summary>A Gaussian mixture (full covariances, scikit-learn's defaults) with <paramref name="numberOfComponents"/> components.</summary>
    /// <param name="catalog">The clustering trainers catalog.</param>
    /// <param name="featureColumnName">The known-size Single or Double vector column to fit.</param>
    /// <param name="exampleWeightColumnName">A column of non-negative example weights (null: all 1).</param>
    /// <param name="numberOfComponents">Number of components K.</param>
    public static GaussianMixtureTrainer GaussianMixture(this ClusteringCatalog.ClusteringTrainers catalog,
        string featureColumnName = "Features", string? exampleWeightColumnName = null, int numberOfComponents = 5)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new GaussianMixtureTrainer(new GaussianMixtureTrainer.Options
        {
            FeatureColumnName = featureColumnName,
            ExampleWeightColumnName = exampleWeightColumnName,
            NumberOfComponents = numberOfComponents,
        });
    }

    /// <summary>A Gaussian mixture with every option: covariance type, tolerance, reg_covar, iterations, initializations, init method, seed.</summary>
    /// <param name="catalog">The clustering trainers catalog.</param>
    /// <param name="options">The options.</param>
    public static GaussianMixtureTrainer GaussianMixture(this ClusteringCatalog.ClusteringTrainers catalog, GaussianMixtureTrainer.Options options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new GaussianMixtureTrainer(options);
    }
}
