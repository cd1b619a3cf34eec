using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mixtures.ML.Internal;

/// <summary>Checks of the feature and weight columns, with messages that name the column and its type.</summary>
internal static class FeatureColumn
{
    /// <summary>The feature column's element type (float or double) and its vector size.</summary>
    public static (Type Item, int Size) Require(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(name), name, $"The data has no feature column '{name}'.");
        if (column.Type is VectorDataViewType { IsKnownSize: true } v && (v.ItemType == NumberDataViewType.Single || v.ItemType == NumberDataViewType.Double))
            return (v.ItemType.RawType, v.Size);
        throw new ArgumentOutOfRangeException(nameof(name), name,
            $"Feature column '{name}' is {column.Type}; a Gaussian mixture needs a known-size vector of Single or Double (for example the output of Concatenate).");
    }

    /// <summary>Shape-level check for <see cref="IEstimator{TTransformer}.GetOutputSchema"/>, where sizes are not known yet.</summary>
    public static SchemaShape.Column Require(SchemaShape shape, string name)
    {
        // SchemaShape's own lookup is internal; a shape is a short list of columns.
        if (shape.Where(c => c.Name == name).Select(c => (SchemaShape.Column?)c).LastOrDefault() is not { } column)
            throw new ArgumentOutOfRangeException(nameof(name), name, $"The data has no feature column '{name}'.");
        if (column.Kind != SchemaShape.Column.VectorKind.Vector || column.IsKey
            || (column.ItemType != NumberDataViewType.Single && column.ItemType != NumberDataViewType.Double))
            throw new ArgumentOutOfRangeException(nameof(name), name,
                $"Feature column '{name}' is {column.Kind} of {column.ItemType}{(column.IsKey ? " (key)" : "")}; a Gaussian mixture needs a known-size vector of Single or Double.");
        return column;
    }

    /// <summary>The weight column's type, which must be a Single or Double scalar.</summary>
    public static DataViewSchema.Column RequireWeight(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(name), name, $"The data has no example weight column '{name}'.");
        if (column.Type != NumberDataViewType.Single && column.Type != NumberDataViewType.Double)
            throw new ArgumentOutOfRangeException(nameof(name), name, $"Example weight column '{name}' is {column.Type}; it must be Single or Double.");
        return column;
    }
}
