using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mixtures.ML.Internal;

/// <summary>
/// Builds the ML.NET CustomMapping that adds a mixture's columns. Going through CustomMapping (rather
/// than a hand-written IDataView, cursor and row mapper) gives streaming Transform, PredictionEngine
/// and schema propagation from ML.NET's own, tested code; the mapping only scores one row.
/// </summary>
internal static class MixtureMapping
{
    // CustomMapping needs a host environment; ML.NET's catalogs do not expose the caller's, and the
    // mapping uses it for nothing but exceptions, so one private context serves every transformer.
    static readonly MLContext Context = new();

    public static ITransformer Build(GaussianMixtureModel model, string featureColumn, Type item)
    {
        int d = model.Features;
        var outputs = MixtureOutputs.Definition(model.Components);
        if (item == typeof(float))
        {
            var input = InputDefinition<SingleFeatures>(featureColumn, NumberDataViewType.Single, d);
            Action<SingleFeatures, MixtureOutputs> map = (src, dst) => Score(model, src.Features, dst);
            return Context.Transforms.CustomMapping(map, contractName: null, input, outputs)
                .Fit(Context.Data.LoadFromEnumerable(Array.Empty<SingleFeatures>(), input));
        }
        else
        {
            var input = InputDefinition<DoubleFeatures>(featureColumn, NumberDataViewType.Double, d);
            Action<DoubleFeatures, MixtureOutputs> map = (src, dst) => Score(model, src.Features, dst);
            return Context.Transforms.CustomMapping(map, contractName: null, input, outputs)
                .Fit(Context.Data.LoadFromEnumerable(Array.Empty<DoubleFeatures>(), input));
        }
    }

    /// <summary>The output schema shape for <paramref name="components"/> components (sizes of vectors are not part of a shape).</summary>
    public static SchemaShape OutputShape(SchemaShape input, string featureColumn, int components)
    {
        var column = FeatureColumn.Require(input, featureColumn);
        var outputs = MixtureOutputs.Definition(components);
        if (column.ItemType == NumberDataViewType.Single)
            return Context.Transforms.CustomMapping<SingleFeatures, MixtureOutputs>((_, _) => { }, null,
                InputDefinition<SingleFeatures>(featureColumn, NumberDataViewType.Single, 1), outputs).GetOutputSchema(input);
        return Context.Transforms.CustomMapping<DoubleFeatures, MixtureOutputs>((_, _) => { }, null,
            InputDefinition<DoubleFeatures>(featureColumn, NumberDataViewType.Double, 1), outputs).GetOutputSchema(input);
    }

    static SchemaDefinition InputDefinition<T>(string featureColumn, PrimitiveDataViewType item, int d)
    {
        var definition = SchemaDefinition.Create(typeof(T));
        var column = definition[nameof(SingleFeatures.Features)];
        column.ColumnName = featureColumn;
        column.ColumnType = new VectorDataViewType(item, d);
        return definition;
    }

    /// <summary>Scores one row. A row with a missing (NaN) or infinite feature gets the missing key and NaN scores, as ML.NET's own trainers give.</summary>
    static void Score<T>(GaussianMixtureModel model, T[] features, MixtureOutputs dst) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        int k = model.Components, d = model.Features;
        if (dst.Score.Length != k)
        {
            dst.Score = new float[k];
            dst.NegativeLogPosterior = new float[k];
        }
        var row = new double[1, d];
        for (int j = 0; j < d; j++)
        {
            double v = double.CreateTruncating(features[j]);
            if (!double.IsFinite(v))
            {
                dst.PredictedLabel = MixtureOutputs.MissingKey;
                dst.LogLikelihood = float.NaN;
                Array.Fill(dst.Score, float.NaN);
                Array.Fill(dst.NegativeLogPosterior, float.NaN);
                return;
            }
            row[0, j] = v;
        }
        var proba = model.PredictProba(row);
        int best = 0;
        for (int c = 0; c < k; c++)
        {
            double p = proba[0, c];
            if (p > proba[0, best]) best = c;
            dst.Score[c] = (float)p;
            // -ln p as a distance-like score, finite even where p underflows to 0 (at most -ln of the
            // smallest double, 744.4), so that ClusteringEvaluator's argmin is the predicted component.
            dst.NegativeLogPosterior[c] = (float)-Math.Log(Math.Max(p, double.Epsilon));
        }
        dst.PredictedLabel = (uint)best;
        dst.LogLikelihood = (float)model.ScoreSamples(row)[0];
    }
}
