using Microsoft.ML.Data;

namespace Mixtures.ML.Internal;

// The rows ML.NET's CustomMapping reads and writes. Their column names and types are set at run time
// through SchemaDefinition (the feature column's name and size, K for the outputs), so the classes
// only fix the member types.

/// <summary>Input row of a float feature vector.</summary>
internal sealed class SingleFeatures
{
    public float[] Features = [];
}

/// <summary>Input row of a double feature vector.</summary>
internal sealed class DoubleFeatures
{
    public double[] Features = [];
}

/// <summary>The columns a Gaussian mixture adds.</summary>
internal sealed class MixtureOutputs
{
    /// <summary>
    /// The component index, zero-based: ML.NET's row construction stores a key member as value + 1
    /// (seen in CustomMapping's output: 0 becomes key 1), so 0..K-1 become the keys 1..K.
    /// </summary>
    public uint PredictedLabel;
    public float[] Score = [];
    public float LogLikelihood;
    public float[] NegativeLogPosterior = [];

    /// <summary>Written for a row that cannot be scored; value + 1 wraps to the missing key 0.</summary>
    public const uint MissingKey = uint.MaxValue;

    public static SchemaDefinition Definition(int k)
    {
        var definition = SchemaDefinition.Create(typeof(MixtureOutputs));
        definition[nameof(PredictedLabel)].ColumnType = new KeyDataViewType(typeof(uint), k);
        definition[nameof(Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, k);
        definition[nameof(NegativeLogPosterior)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, k);
        return definition;
    }
}
