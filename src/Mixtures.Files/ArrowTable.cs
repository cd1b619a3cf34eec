using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Mixtures.Data;

namespace Mixtures.Files;

/// <summary>
/// An Arrow IPC file (<c>.arrow</c>, Feather v2) or IPC stream read with Apache.Arrow, one record batch at a
/// time. Opening reads every batch once to learn its length and to check that each batch has the file's
/// schema (a file stitched from differently typed parts is refused there, before any fitting). Numeric
/// columns of any width are converted to double; a null is an error naming the column and row.
/// An IPC stream has no index of its batches, so a reader that must go back re-reads it from the start.
/// </summary>
public sealed class ArrowTable : BlockedTable
{
    private readonly Schema _schema;
    private readonly bool _stream;

    private ArrowTable(string path, Schema schema, long[] starts, bool stream)
        : base(path, schema.FieldsList.Select(f => f.Name).ToArray(), starts)
    {
        _schema = schema;
        _stream = stream;
    }

    /// <summary>Opens an Arrow IPC file or stream (<paramref name="stream"/>) and reads the length of every batch.</summary>
    public static ArrowTable Open(string path, bool stream) => Guard(path, () =>
    {
        using var batches = new BatchReader(path, stream);
        var schema = batches.Schema;
        var starts = new List<long> { 0 };
        while (batches.Next() is { } batch)
        {
            using (batch)
            {
                CheckSchema(path, schema, batch, starts.Count - 1);
                starts.Add(starts[^1] + batch.Length);
            }
        }
        if (starts[^1] == 0) throw new TableFormatException(path, null, null, "the file has no data rows.");
        return new ArrowTable(path, schema, [.. starts], stream);
    });

    private static void CheckSchema(string path, Schema schema, RecordBatch batch, int index)
    {
        bool same = batch.ColumnCount == schema.FieldsList.Count;
        for (int j = 0; same && j < batch.ColumnCount; j++)
            same = batch.Column(j).Data.DataType.TypeId == schema.FieldsList[j].DataType.TypeId;
        if (!same)
            throw new TableFormatException(path, null, null,
                $"record batch {index} does not have the file's schema ({batch.ColumnCount} columns of " +
                $"{string.Join(", ", Enumerable.Range(0, batch.ColumnCount).Select(j => batch.Column(j).Data.DataType.Name))}); " +
                "every batch must have the same columns and types.");
    }

    private protected override string? NonNumericType(int column) =>
        _schema.FieldsList[column].DataType is var t && IsNumeric(t.TypeId) ? null : $"Arrow type {t.Name}";

    private protected override IBlockDecoder CreateDecoder(int[] features, int weights) => new Decoder(this, features, weights);

    private static bool IsNumeric(ArrowTypeId t) => t is ArrowTypeId.Double or ArrowTypeId.Float or ArrowTypeId.HalfFloat
        or ArrowTypeId.Int8 or ArrowTypeId.Int16 or ArrowTypeId.Int32 or ArrowTypeId.Int64
        or ArrowTypeId.UInt8 or ArrowTypeId.UInt16 or ArrowTypeId.UInt32 or ArrowTypeId.UInt64;

    private static T Guard<T>(string path, Func<T> body) => ReaderErrors.Guard(path, "Arrow", body);

    /// <summary>Batches of a file (by index) or a stream (in order).</summary>
    private sealed class BatchReader : IDisposable
    {
        private readonly FileStream _file;
        private readonly ArrowFileReader? _fileReader;
        private readonly ArrowStreamReader? _streamReader;
        private int _next;

        public BatchReader(string path, bool stream)
        {
            _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (stream) _streamReader = new ArrowStreamReader(_file, leaveOpen: true);
            else _fileReader = new ArrowFileReader(_file, leaveOpen: true);
        }

        private int? _count;

        /// <summary>Batches in the file (from its footer).</summary>
        private int Count => _count ??= _fileReader!.RecordBatchCountAsync().GetAwaiter().GetResult();

        private RecordBatch Batch(int index) => _fileReader!.ReadRecordBatchAsync(index).GetAwaiter().GetResult();

        public Schema Schema => _fileReader?.Schema ?? _streamReader!.Schema;

        /// <summary>How many batches were read by <see cref="Next"/>: the index of the next one.</summary>
        public int Position => _next;

        public RecordBatch? Next()
        {
            RecordBatch? b = _fileReader is not null
                ? (_next < Count ? Batch(_next) : null)
                : _streamReader!.ReadNextRecordBatch();
            if (b is not null) _next++;
            return b;
        }

        public RecordBatch Read(int index)
        {
            if (_fileReader is not null)
            {
                _next = index + 1;
                return Batch(index);
            }
            if (index < _next) throw new InvalidOperationException("a stream cannot go back");
            while (_next < index) Next()?.Dispose();
            return Next() ?? throw new EndOfStreamException($"the stream ended before record batch {index}.");
        }

        public void Dispose()
        {
            _fileReader?.Dispose();
            _streamReader?.Dispose();
            _file.Dispose();
        }
    }

    private sealed class Decoder(ArrowTable table, int[] features, int weights) : IBlockDecoder
    {
        private BatchReader? _batches;

        public void Decode(int block, double[] values, double[]? weightValues)
        {
            Guard(table.Path, () =>
            {
                if (_batches is null || (table._stream && block < _batches.Position))
                {
                    _batches?.Dispose();
                    _batches = new BatchReader(table.Path, table._stream);
                }
                using var batch = _batches.Read(block);
                CheckSchema(table.Path, table._schema, batch, block);
                for (int j = 0; j < features.Length; j++) Copy(batch, features[j], block, values, j, features.Length);
                if (weightValues is not null) Copy(batch, weights, block, weightValues, 0, 1);
                return 0;
            });
        }

        private void Copy(RecordBatch batch, int column, int block, double[] dest, int offset, int stride)
        {
            var array = batch.Column(column);
            if (array.NullCount > 0)
            {
                int i = 0;
                while (!array.IsNull(i)) i++;
                throw new TableFormatException(table.Path, table.Starts[block] + i + 1, table.ColumnNames[column], "null value; remove the row or impute a value.");
            }
            switch (array)
            {
                case DoubleArray a: Fill(a.Values, dest, offset, stride); break;
                case FloatArray a: Fill(a.Values, dest, offset, stride); break;
                case HalfFloatArray a: Fill(a.Values, dest, offset, stride); break;
                case Int8Array a: Fill(a.Values, dest, offset, stride); break;
                case Int16Array a: Fill(a.Values, dest, offset, stride); break;
                case Int32Array a: Fill(a.Values, dest, offset, stride); break;
                case Int64Array a: Fill(a.Values, dest, offset, stride); break;
                case UInt8Array a: Fill(a.Values, dest, offset, stride); break;
                case UInt16Array a: Fill(a.Values, dest, offset, stride); break;
                case UInt32Array a: Fill(a.Values, dest, offset, stride); break;
                case UInt64Array a: Fill(a.Values, dest, offset, stride); break;
                default: throw new TableFormatException(table.Path, null, table.ColumnNames[column], $"is not a numeric column (Arrow type {array.Data.DataType.Name}).");
            }
        }

        private static void Fill<T>(ReadOnlySpan<T> src, double[] dest, int offset, int stride) where T : struct, System.Numerics.INumberBase<T>
        {
            for (int i = 0; i < src.Length; i++) dest[i * stride + offset] = double.CreateTruncating(src[i]);
        }

        public void Dispose() => _batches?.Dispose();
    }
}
