using Apache.Arrow;
using Apache.Arrow.Ipc;
using Parquet;
using Parquet.Schema;

namespace Mixtures.Cli.Tests;

/// <summary>Writes test tables with the same libraries the tool reads them with.</summary>
internal static class TableFileWriters
{
    /// <summary>A Parquet file of double columns, in row groups of <paramref name="groupRows"/>.</summary>
    public static void Parquet(string path, string[] names, double[][] rows, int groupRows = 100)
    {
        var fields = names.Select(n => new DataField<double>(n)).ToArray();
        using var fs = File.Create(path);
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), fs).GetAwaiter().GetResult();
        for (int start = 0; start < rows.Length; start += groupRows)
        {
            int n = Math.Min(groupRows, rows.Length - start);
            using var group = writer.CreateRowGroup();
            for (int j = 0; j < names.Length; j++)
            {
                var col = Enumerable.Range(start, n).Select(i => rows[i][j]).ToArray();
                group.WriteAsync<double>(fields[j], col.AsMemory(), null, null, default).GetAwaiter().GetResult();
            }
            group.CompleteValidate();
        }
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>A Parquet file with a nullable column holding a null in row <paramref name="nullRow"/> (0-based) and a string column.</summary>
    public static void ParquetWithNullAndString(string path, int rows, int nullRow)
    {
        var a = new DataField<double?>("a");
        var s = new DataField<string>("label");
        using var fs = File.Create(path);
        var writer = ParquetWriter.CreateAsync(new ParquetSchema(a, s), fs).GetAwaiter().GetResult();
        using (var group = writer.CreateRowGroup())
        {
            var values = Enumerable.Range(0, rows).Select(i => i == nullRow ? (double?)null : i).ToArray();
            group.WriteAsync<double>(a, values.AsMemory(), null, null, default).GetAwaiter().GetResult();
            group.WriteAsync(s, Enumerable.Range(0, rows).Select(i => $"r{i}").ToArray(), null).GetAwaiter().GetResult();
            group.CompleteValidate();
        }
        writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>An Arrow IPC file (or stream) of double columns in batches of <paramref name="batchRows"/>.</summary>
    public static void Arrow(string path, string[] names, double[][] rows, int batchRows = 100, bool stream = false)
    {
        RecordBatch Batch(int start, int n)
        {
            var b = new RecordBatch.Builder();
            for (int j = 0; j < names.Length; j++)
            {
                int jj = j;
                b.Append(names[j], false, col => col.Double(a => a.AppendRange(Enumerable.Range(start, n).Select(i => rows[i][jj]))));
            }
            return b.Build();
        }
        var first = Batch(0, Math.Min(batchRows, rows.Length));
        using var fs = File.Create(path);
        using ArrowStreamWriter w = stream ? new ArrowStreamWriter(fs, first.Schema) : new ArrowFileWriter(fs, first.Schema);
        w.WriteRecordBatch(first);
        for (int start = batchRows; start < rows.Length; start += batchRows) w.WriteRecordBatch(Batch(start, Math.Min(batchRows, rows.Length - start)));
        w.WriteEnd();
    }
}
