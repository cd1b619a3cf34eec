using Microsoft.ML;
using Mixtures.ML.Internal;

namespace Mixtures.ML;

/// <summary>
/// Fits a Gaussian mixture by EM (the Mixtures library's <see cref="GaussianMixture"/>) to a
/// known-size Single or Double feature vector column. Create it with
/// <c>mlContext.Clustering.Trainers.GaussianMixture(...)</c>. The rows are copied once into a
/// row-major array of doubles for the fit (the library's row source is not public yet).
/// </summary>
public sealed class GaussianMixtureTrainer : IEstimator<GaussianMixtureTransformer>
{
    /// <summary>Every option of the fit, with scikit-learn's defaults but for <see cref="NumberOfComponents"/> (5, as ML.NET's k-means).</summary>
    public sealed class Options
    {
        /// <summary>The known-size Single or Double vector column to fit. Default "Features".</summary>
        public string FeatureColumnName { get; set; } = "Features";

        /// <summary>A Single or Double column of non-negative example weights (null: every row weighs 1).</summary>
        public string? ExampleWeightColumnName { get; set; }

        /// <summary>Number of components K (n_components). Default 5.</summary>
        public int NumberOfComponents { get; set; } = 5;

        /// <summary>Covariance parametrization (covariance_type). Default <see cref="CovarianceType.Full"/>.</summary>
        public CovarianceType CovarianceType { get; set; } = CovarianceType.Full;

        /// <summary>Convergence threshold on the change of the mean log-likelihood per sample (tol). Default 1e-3.</summary>
        public double Tolerance { get; set; } = 1e-3;

        /// <summary>Added to the diagonal of every covariance (reg_covar). Default 1e-6.</summary>
        public double RegCovar { get; set; } = 1e-6;

        /// <summary>Maximum EM iterations per initialization (max_iter). Default 100.</summary>
        public int MaximumNumberOfIterations { get; set; } = 100;

        /// <summary>Number of initializations; the best lower bound is kept (n_init). Default 1.</summary>
        public int NumberOfInitializations { get; set; } = 1;

        /// <summary>How initial responsibilities are chosen (init_params). Default <see cref="InitMethod.KMeans"/>.</summary>
        public InitMethod InitializationAlgorithm { get; set; } = InitMethod.KMeans;

        /// <summary>Seed of the initialization (random_state); the same seed gives the same model on any thread count. Null: a random seed.</summary>
        public int? Seed { get; set; }

        /// <summary>What to do with a collapsed component. Default <see cref="DegenerateHandling.Reseed"/>.</summary>
        public DegenerateHandling Degenerate { get; set; } = DegenerateHandling.Reseed;

        /// <summary>Threads for the fit (null: all cores). The result does not depend on it.</summary>
        public int? MaximumDegreeOfParallelism { get; set; }

        internal GaussianMixtureOptions ToMixtureOptions() => new()
        {
            Components = NumberOfComponents,
            CovarianceType = CovarianceType,
            Tolerance = Tolerance,
            RegCovar = RegCovar,
            MaxIterations = MaximumNumberOfIterations,
            NInit = NumberOfInitializations,
            Init = InitializationAlgorithm,
            Seed = Seed,
            Degenerate = Degenerate,
            MaxDegreeOfParallelism = MaximumDegreeOfParallelism,
        };
    }

    readonly Options _options;
    readonly GaussianMixtureOptions _mixtureOptions;

    /// <summary>A trainer with these options (validated here, with the library's messages).</summary>
    public GaussianMixtureTrainer(Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.FeatureColumnName, nameof(options.FeatureColumnName));
        _mixtureOptions = options.ToMixtureOptions();
        _mixtureOptions.Validate();
        _options = options;
    }

    /// <summary>Reads the feature (and weight) column once and fits the mixture.</summary>
    /// <exception cref="ArgumentException">A missing or wrongly typed column, or data the library refuses (the message names row and column).</exception>
    public GaussianMixtureTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (values, rows, weights) = FeatureReader.Read(input, _options.FeatureColumnName, _options.ExampleWeightColumnName);
        int d = FeatureColumn.Require(input.Schema, _options.FeatureColumnName).Size;
        var model = new GaussianMixture(_mixtureOptions).Fit(values.AsMemory(0, rows * d), d, weights);
        return new GaussianMixtureTransformer(model, _options.FeatureColumnName);
    }

    /// <inheritdoc />
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return MixtureMapping.OutputShape(inputSchema, _options.FeatureColumnName, _options.NumberOfComponents);
    }
}
