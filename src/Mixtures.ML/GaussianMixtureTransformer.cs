using Microsoft.ML;
using Microsoft.ML.Data;
using Mixtures.ML.Internal;

namespace Mixtures.ML;

/// <summary>
/// A fitted Gaussian mixture as an ML.NET transformer. It reads the known-size Single or Double
/// vector column <see cref="FeatureColumnName"/> and adds, following ML.NET's clustering conventions:
/// <list type="bullet">
/// <item><c>PredictedLabel</c>: key type 1..K, the most probable component (1 = component 0 of
/// <see cref="Model"/>); the missing key 0 for a row with a NaN or infinite feature.</item>
/// <item><c>Score</c>: K floats, the <b>posterior probabilities</b> of the components (they sum to 1).
/// Unlike k-means' Score these are not distances: larger means closer.</item>
/// <item><c>LogLikelihood</c>: float, the row's log density ln p(x) under the mixture.</item>
/// <item><c>NegativeLogPosterior</c>: K floats, -ln of Score (finite). ML.NET's clustering evaluator
/// assigns each row to the component of the <i>smallest</i> score, as for distances; pass this
/// column as its score column so that NMI and DBI use the predicted component.</item>
/// </list>
/// Transform streams: each row is scored as it is read. Saving through <c>mlContext.Model.Save</c>
/// is not possible for a transformer outside ML.NET; use
/// <see cref="MixtureModelOperations.SaveWithMixtures(ModelOperationsCatalog, ITransformer, DataViewSchema, Stream)"/>.
/// </summary>
public sealed class GaussianMixtureTransformer : ITransformer
{
    /// <summary>Name of the predicted-component column (key type 1..K).</summary>
    public const string PredictedLabelColumnName = "PredictedLabel";
    /// <summary>Name of the posterior-probability column (vector of K floats).</summary>
    public const string ScoreColumnName = "Score";
    /// <summary>Name of the log-density column (float).</summary>
    public const string LogLikelihoodColumnName = "LogLikelihood";
    /// <summary>Name of the -ln(posterior) column (vector of K floats), the score column for <c>mlContext.Clustering.Evaluate</c>.</summary>
    public const string NegativeLogPosteriorColumnName = "NegativeLogPosterior";

    readonly Lazy<ITransformer> _single;
    readonly Lazy<ITransformer> _double;

    /// <summary>Wraps a fitted (or loaded) model; the feature vectors must have <see cref="IMixtureModel.Features"/> slots.</summary>
    /// <param name="model">The fitted mixture.</param>
    /// <param name="featureColumnName">The known-size Single or Double vector column to score.</param>
    public GaussianMixtureTransformer(GaussianMixtureModel model, string featureColumnName = "Features")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(featureColumnName);
        Model = model;
        FeatureColumnName = featureColumnName;
        // One inner mapping per element type, built on first use: the same model scores a Single or a
        // Double feature column, whichever the data it is given has.
        _single = new(() => MixtureMapping.Build(model, featureColumnName, typeof(float)));
        _double = new(() => MixtureMapping.Build(model, featureColumnName, typeof(double)));
    }

    /// <summary>The fitted mixture: parameters, diagnostics, and the library's own scoring and sampling.</summary>
    public GaussianMixtureModel Model { get; }

    /// <summary>The feature column this transformer reads.</summary>
    public string FeatureColumnName { get; }

    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => Inner(inputSchema).GetOutputSchema(inputSchema);

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => Inner(inputSchema).GetRowToRowMapper(inputSchema);

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Inner(input.Schema).Transform(input);
    }

    /// <summary>
    /// Always throws: ML.NET's model format can be written and read back only by classes that ML.NET's
    /// internal LoadableClass registry knows (its <c>ModelSaveContext</c> has no public writer and
    /// <c>LoadableClassAttribute</c> is internal). Use
    /// <see cref="MixtureModelOperations.SaveWithMixtures(ModelOperationsCatalog, ITransformer, DataViewSchema, Stream)"/>.
    /// </summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException(
        "A GaussianMixtureTransformer cannot be saved by mlContext.Model.Save: ML.NET loads only transformers registered " +
        "through its internal LoadableClass attribute. Use mlContext.Model.SaveWithMixtures(model, inputSchema, path) and " +
        "mlContext.Model.LoadWithMixtures(path, out schema) from Mixtures.ML.");

    ITransformer Inner(DataViewSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var (item, size) = FeatureColumn.Require(schema, FeatureColumnName);
        if (size != Model.Features)
            throw new ArgumentOutOfRangeException(nameof(schema), FeatureColumnName,
                $"Feature column '{FeatureColumnName}' has {size} slots but the model was fitted on {Model.Features} features.");
        return item == typeof(float) ? _single.Value : _double.Value;
    }
}
