using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mixtures.ML.Internal;

/// <summary>
/// Reads an IDataView's feature vectors (and weights) into one row-major buffer. The library's row
/// source is internal for now, so a fit copies the view once; a later issue makes the row source
/// public so that the EM loop can stream the view's rows instead.
/// </summary>
internal static class FeatureReader
{
    public static (double[] Values, int Rows, double[]? Weights) Read(IDataView data, string featureColumn, string? weightColumn)
    {
        var (item, d) = FeatureColumn.Require(data.Schema, featureColumn);
        var features = data.Schema[featureColumn];
        DataViewSchema.Column? weight = weightColumn is null ? null : FeatureColumn.RequireWeight(data.Schema, weightColumn);
        var active = weight is { } wc ? new[] { features, wc } : new[] { features };

        long? known = data.GetRowCount();
        var values = new double[checked((int)Math.Max(16, (known ?? 1024) * d))];
        var weights = weight is null ? null : new double[Math.Max(16, (int)(known ?? 1024))];
        int rows = 0;
        using var cursor = data.GetRowCursor(active);
        var read = item == typeof(float) ? RowGetter<float>(cursor, features, d) : RowGetter<double>(cursor, features, d);
        var readWeight = weight is { } w ? WeightGetter(cursor, w) : null;
        while (cursor.MoveNext())
        {
            while ((long)(rows + 1) * d > values.Length) Array.Resize(ref values, checked(values.Length * 2));
            read(values.AsSpan(rows * d, d));
            if (weights is not null)
            {
                if (rows == weights.Length) Array.Resize(ref weights, weights.Length * 2);
                weights[rows] = readWeight!();
            }
            rows++;
        }
        if (weights is not null) Array.Resize(ref weights, rows);
        return (values, rows, weights);
    }

    delegate void ReadRow(Span<double> destination);

    static ReadRow RowGetter<T>(DataViewRowCursor cursor, DataViewSchema.Column column, int d) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        var getter = cursor.GetGetter<VBuffer<T>>(column);
        var buffer = default(VBuffer<T>);
        return destination =>
        {
            getter(ref buffer);
            var v = buffer.GetValues();
            if (buffer.IsDense)
            {
                for (int j = 0; j < d; j++) destination[j] = double.CreateTruncating(v[j]);
                return;
            }
            // A sparse vector holds only its non-zero slots.
            destination.Clear();
            var indices = buffer.GetIndices();
            for (int i = 0; i < v.Length; i++) destination[indices[i]] = double.CreateTruncating(v[i]);
        };
    }

    static Func<double> WeightGetter(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        if (column.Type == NumberDataViewType.Single)
        {
            var getter = cursor.GetGetter<float>(column);
            return () => { float w = 0; getter(ref w); return w; };
        }
        var g = cursor.GetGetter<double>(column);
        return () => { double w = 0; g(ref w); return w; };
    }
}
