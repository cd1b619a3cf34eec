using System.Numerics;
using Mixtures.Data;
using Parquet;
using Parquet.Schema;

namespace Mixtures.Files;

/// <summary>
/// A Parquet file read with Parquet.Net, one row group at a time per reader (a row group is the unit
/// Parquet compresses, so it is decoded whole). Numeric columns of any physical type are converted to
/// double; a null in a nullable column is an error naming the column and row.
/// </summary>
public sealed class ParquetTable : BlockedTable
{
    private readonly DataField[] _fields;

    private ParquetTable(string path, DataField[] fields, long[] starts)
        : base(path, fields.Select(f => f.Name).ToArray(), starts)
    {
        _fields = fields;
    }

    /// <summary>Opens a Parquet file and reads its footer (schema and row-group sizes).</summary>
    public static ParquetTable Open(string path) => Guard(path, () =>
    {
        var reader = ParquetReader.CreateAsync(path).GetAwaiter().GetResult();
        try
        {
            return Footer(path, reader);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    });

    private static ParquetTable Footer(string path, ParquetReader reader)
    {
        var fields = reader.Schema.GetDataFields();
        var starts = new long[reader.RowGroupCount + 1];
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            starts[g + 1] = starts[g] + group.RowCount;
        }
        if (starts[^1] == 0) throw new TableFormatException(path, null, null, "the file has no data rows.");
        return new ParquetTable(path, fields, starts);
    }

    private protected override string? NonNumericType(int column)
    {
        var f = _fields[column];
        return f.IsArray || f.Path.Length > 1 || !IsNumeric(f.ClrType)
            ? $"Parquet type {(f.IsArray ? "list" : f.Path.Length > 1 ? "nested" : f.ClrType.Name)}"
            : null;
    }

    private protected override IBlockDecoder CreateDecoder(int[] features, int weights) => new Decoder(this, features, weights);

    private static bool IsNumeric(Type t) =>
        t == typeof(double) || t == typeof(float) || t == typeof(Half) || t == typeof(decimal) || t == typeof(long) || t == typeof(int) ||
        t == typeof(short) || t == typeof(sbyte) || t == typeof(ulong) || t == typeof(uint) || t == typeof(ushort) || t == typeof(byte);

    private static T Guard<T>(string path, Func<T> body) => ReaderErrors.Guard(path, "Parquet", body);

    private sealed class Decoder : IBlockDecoder
    {
        private readonly ParquetTable _table;
        private readonly int[] _features;
        private readonly int _weights;
        private readonly ParquetReader _reader;

        public Decoder(ParquetTable table, int[] features, int weights)
        {
            _table = table;
            _features = features;
            _weights = weights;
            _reader = Guard(table.Path, () => ParquetReader.CreateAsync(table.Path).GetAwaiter().GetResult());
        }

        public void Decode(int block, double[] values, double[]? weights)
        {
            int n = (int)(_table.Starts[block + 1] - _table.Starts[block]);
            Guard(_table.Path, () =>
            {
                using var group = _reader.OpenRowGroupReader(block);
                for (int j = 0; j < _features.Length; j++)
                    ReadColumn(group, _table._fields[_features[j]], n, block, values, j, _features.Length);
                if (weights is not null) ReadColumn(group, _table._fields[_weights], n, block, weights, 0, 1);
                return 0;
            });
        }

        /// <summary>Column <paramref name="field"/> of a row group into every <paramref name="stride"/>-th value from <paramref name="offset"/>.</summary>
        private void ReadColumn(ParquetRowGroupReader group, DataField field, int n, int block, double[] dest, int offset, int stride)
        {
            var t = field.ClrType;
            if (t == typeof(double)) Read<double>(group, field, n, block, dest, offset, stride);
            else if (t == typeof(float)) Read<float>(group, field, n, block, dest, offset, stride);
            else if (t == typeof(Half)) Read<Half>(group, field, n, block, dest, offset, stride);
            else if (t == typeof(decimal)) Read<decimal>(group, field, n, block, dest, offset, stride);
            else if (t == typeof(long)) Read<long>(group, field, n, block, dest, offset, stride);
            else if (t == typeof(int)) Read<int>(group, field, n, block, dest, offset, stride);
            else if (t == typeof(short)) Read<short>(group, field, n, block, dest, offset, stride);
            else if (t == typeof(sbyte)) Read<sbyte>(group, field, n, block, dest, offset, stride);
            else if (t == typeof(ulong)) Read<ulong>(group, field, n, block, dest, offset, stride);
            else if (t == typeof(uint)) Read<uint>(group, field, n, block, dest, offset, stride);
            else if (t == typeof(ushort)) Read<ushort>(group, field, n, block, dest, offset, stride);
            else Read<byte>(group, field, n, block, dest, offset, stride);
        }

        private void Read<T>(ParquetRowGroupReader group, DataField field, int n, int block, double[] dest, int offset, int stride)
            where T : struct, INumberBase<T>
        {
            if (field.IsNullable)
            {
                var buffer = new T?[n];
                group.ReadAsync(field, buffer.AsMemory(), null, default).AsTask().GetAwaiter().GetResult();
                for (int i = 0; i < n; i++)
                {
                    if (buffer[i] is not { } v)
                        throw new TableFormatException(_table.Path, _table.Starts[block] + i + 1, field.Name, "null value; remove the row or impute a value.");
                    dest[i * stride + offset] = double.CreateTruncating(v);
                }
            }
            else
            {
                var buffer = new T[n];
                group.ReadAsync(field, buffer.AsMemory(), null, default).AsTask().GetAwaiter().GetResult();
                for (int i = 0; i < n; i++) dest[i * stride + offset] = double.CreateTruncating(buffer[i]);
            }
        }

        public void Dispose() => _reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
