using System.Diagnostics;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Parquet;

namespace Mixtures.Benchmarks;

public static class DecodeProbe
{
    public static int Run(string[] args)
    {
        string dir = args[0];
        int n = int.Parse(args[1]);
        for (int rep = 0; rep < 2; rep++)
        {
            var sw = Stopwatch.StartNew();
            using (var fs = File.OpenRead(Path.Combine(dir, $"stream{n}.arrow")))
            using (var r = new ArrowFileReader(fs))
            {
                int count = r.RecordBatchCountAsync().GetAwaiter().GetResult();
                for (int b = 0; b < count; b++) using (r.ReadRecordBatchAsync(b).GetAwaiter().GetResult()) { }
            }
            Console.WriteLine($"arrow batches only {sw.Elapsed.TotalSeconds:F3}");
            sw.Restart();
            var pr = ParquetReader.CreateAsync(Path.Combine(dir, $"stream{n}.parquet")).GetAwaiter().GetResult();
            var fields = pr.Schema.GetDataFields();
            double[] buf = new double[1 << 17];
            for (int g = 0; g < pr.RowGroupCount; g++)
            {
                using var group = pr.OpenRowGroupReader(g);
                foreach (var f in fields) group.ReadAsync(f, buf.AsMemory(0, (int)group.RowCount), null, default).AsTask().GetAwaiter().GetResult();
            }
            Console.WriteLine($"parquet columns only {sw.Elapsed.TotalSeconds:F3}; codec {pr.Metadata!.RowGroups[0].Columns[0].MetaData!.Codec} enc {string.Join(",", pr.Metadata!.RowGroups[0].Columns[0].MetaData!.Encodings)}");
            pr.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        return 0;
    }
}
