using System.Diagnostics;
using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Mixtures.Data;
using Mixtures.Files;
using Parquet;
using Parquet.Schema;

namespace Mixtures.Benchmarks;

/// <summary>
/// Seconds per EM iteration of a fit from an in-memory array against the same fit streamed from a file:
/// <code>
/// Mixtures.Benchmarks stream [--dir DIR] [--n N] [--cov diag|full] [--iters I] [--repeat R] [--formats npy,parquet,arrow]
/// </code>
/// Synthesizes the 16-cluster D = 16 set of N rows once, writes DIR/streamN.npy, .parquet (row groups of
/// 2^17 rows) and .arrow (record batches of 2^16 rows) when absent, reads each once so it is in the page
/// cache, then times a fit of 1 + I iterations minus a fit of 1 (what a fit costs once cancels), fastest of
/// R interleaved runs (memory, then each format, R times). Every streamed model is checked bit-identical
/// to the in-memory one. Prints the load average with every row.
/// </summary>
public static class StreamBench
{
    public static int Run(string[] args)
    {
        string dir = "/tmp/mixtures-stream";
        int n = 1_000_000, iters = 5, repeat = 3;
        var cov = CovarianceType.Diag;
        string[] formats = ["npy", "parquet", "arrow"];
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--dir": dir = Next(); break;
                case "--n": n = (int)double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cov": cov = Enum.Parse<CovarianceType>(Next(), true); break;
                case "--iters": iters = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--repeat": repeat = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--formats": formats = Next().Split(','); break;
                default: Console.Error.WriteLine($"Unknown option '{args[i]}'."); return 2;
            }
        }
        Directory.CreateDirectory(dir);
        var c = BenchData.Synthesize($"stream{n}", n, 16, 16, 3, cov);
        var files = new List<(string Format, string Path)>();
        foreach (var f in formats)
        {
            string path = Path.Combine(dir, $"stream{n}.{f}");
            if (!File.Exists(path)) Write(f, path, c.X);
            using (var s = File.OpenRead(path)) s.CopyTo(Stream.Null);   // into the page cache
            files.Add((f, path));
        }
        var tables = files.Select(f => (f.Format, Table: TableFile.Open(f.Path))).ToList();
        var sources = tables.Select(t => (t.Format, Source: t.Table.Select(Enumerable.Range(0, 16).ToArray()))).ToList();
        // What `fit` streams: Parquet and Arrow decoded once into a cache file (BlockedTable.Select with a directory).
        foreach (var t in tables)
            if (t.Table is BlockedTable b) sources.Add((t.Format + "+cache", b.Select(Enumerable.Range(0, 16).ToArray(), -1, dir)));

        foreach (var (format, src) in sources)
        {
            // One reader, slabs in row order, nothing computed: what reading costs per pass.
            double best = double.MaxValue, sum = 0;
            for (int r = 0; r < 3; r++)
            {
                var sw = Stopwatch.StartNew();
                using var reader = src.OpenReader();
                for (long first = 0; first < src.Rows; first += 8192)
                    sum += reader.Read(first, (int)Math.Min(8192, src.Rows - first)).Values[0];
                best = Math.Min(best, sw.Elapsed.TotalSeconds);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read pass {format,-8} {best,8:F4} s (one thread; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}) {sum:G3}"));
        }

        // The first .npy source again, without read-ahead: what overlapping reads with compute gains or costs.
        sources.Add((sources[0].Format + "-noahead", sources[0].Source));
        double Time(int j, int its, out GaussianMixtureModel model)
        {
            var src = j == 0 ? null : sources[j - 1].Source;
            Mixtures.Data.ReadAheadReader.Enabled = j != sources.Count;
            var sw = Stopwatch.StartNew();
            var est = new GaussianMixture(c.Options(its));
            model = src is null ? est.Fit(c.X) : est.Fit(src);
            return sw.Elapsed.TotalSeconds;
        }
        var reference = new GaussianMixture(c.Options(1 + iters)).Fit(c.X);
        for (int j = 1; j <= sources.Count; j++) Time(j, 2, out _);   // warm-up
        var best1 = new double[sources.Count + 1];
        var bestN = new double[sources.Count + 1];
        System.Array.Fill(best1, double.MaxValue);
        System.Array.Fill(bestN, double.MaxValue);
        var identical = new bool[sources.Count + 1];
        System.Array.Fill(identical, true);
        for (int r = 0; r < repeat; r++)
            for (int j = 0; j <= sources.Count; j++)
            {
                best1[j] = Math.Min(best1[j], Time(j, 1, out _));
                bestN[j] = Math.Min(bestN[j], Time(j, 1 + iters, out var m));
                identical[j] &= SameParameters(m, reference);
            }
        double mem = (bestN[0] - best1[0]) / iters;
        string load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N = {n}, D = 16, K = 16, {BenchData.CovName(cov)}, {iters} iterations, best of {repeat}; load {load}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"source",-10} {"s/iter",9} {"ratio",6} identical"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"memory",-10} {mem,9:F4} {1.0,6:F2}"));
        for (int j = 1; j <= sources.Count; j++)
        {
            double s = (bestN[j] - best1[j]) / iters;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sources[j - 1].Format,-10} {s,9:F4} {s / mem,6:F2} {identical[j]}"));
        }
        foreach (var t in tables) t.Table.Dispose();
        return 0;
    }

    static bool SameParameters(GaussianMixtureModel a, GaussianMixtureModel b) =>
        a.Weights.AsSpan().SequenceEqual(b.Weights) && Flat(a.Means).SequenceEqual(Flat(b.Means)) && a.TrainingScore.Equals(b.TrainingScore);

    static double[] Flat(double[,] m) => m.Cast<double>().ToArray();

    /// <summary>Writes x as .npy, .parquet or .arrow (float64 columns x0..x15).</summary>
    public static void Write(string format, string path, double[,] x)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        string tmp = path + ".tmp";
        switch (format)
        {
            case "npy": WriteNpy(tmp, x); break;
            case "parquet":
            {
                var fields = Enumerable.Range(0, d).Select(j => new DataField<double>($"x{j}")).ToArray();
                using var fs = File.Create(tmp);
                var writer = ParquetWriter.CreateAsync(new ParquetSchema(fields), fs).GetAwaiter().GetResult();
                var col = new double[1 << 17];
                for (int start = 0; start < n; start += col.Length)
                {
                    int m = Math.Min(col.Length, n - start);
                    using var group = writer.CreateRowGroup();
                    for (int j = 0; j < d; j++)
                    {
                        for (int i = 0; i < m; i++) col[i] = x[start + i, j];
                        group.WriteAsync<double>(fields[j], col.AsMemory(0, m), null, null, default).GetAwaiter().GetResult();
                    }
                    group.CompleteValidate();
                }
                writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
                break;
            }
            case "arrow":
            {
                const int batch = 1 << 16;
                RecordBatch Batch(int start, int m)
                {
                    var b = new RecordBatch.Builder();
                    for (int j = 0; j < d; j++)
                    {
                        int jj = j;
                        b.Append($"x{j}", false, col => col.Double(a => { for (int i = 0; i < m; i++) a.Append(x[start + i, jj]); }));
                    }
                    return b.Build();
                }
                using var fs = File.Create(tmp);
                var first = Batch(0, Math.Min(batch, n));
                using (var w = new ArrowFileWriter(fs, first.Schema))
                {
                    w.WriteRecordBatch(first);
                    for (int start = batch; start < n; start += batch) w.WriteRecordBatch(Batch(start, Math.Min(batch, n - start)));
                    w.WriteEnd();
                }
                break;
            }
            default: throw new ArgumentException($"Unknown format '{format}'.");
        }
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>A float64 C-order .npy (version 1 header).</summary>
    public static void WriteNpy(string path, double[,] x)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        string dict = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({n}, {d}), }}";
        int total = 10 + dict.Length + 1;
        int pad = (64 - total % 64) % 64;
        string header = dict + new string(' ', pad) + "\n";
        using var fs = File.Create(path);
        fs.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        fs.Write(BitConverter.GetBytes((ushort)header.Length));
        fs.Write(System.Text.Encoding.ASCII.GetBytes(header));
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref x[0, 0], x.Length));
        for (long o = 0; o < bytes.Length; o += 1 << 30) fs.Write(bytes.Slice((int)o, (int)Math.Min(1 << 30, bytes.Length - o)));
    }
}

/// <summary>
/// `gen-npy --n N --out PATH`: the 16-cluster D = 16 set of <see cref="BenchData.Synthesize"/>'s kind (seed 3), written
/// as a float64 .npy row by row, so files larger than memory can be made (not the same rows as Synthesize).
/// </summary>
public static class NpyGenerator
{
    public static int Run(string[] args)
    {
        long n = 1_000_000;
        string? path = null;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option '{args[i]}' needs a value.");
            switch (args[i])
            {
                case "--n": n = (long)double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": path = Next(); break;
                default: Console.Error.WriteLine($"Unknown option '{args[i]}'."); return 2;
            }
        }
        if (path is null) { Console.Error.WriteLine("--out PATH is required."); return 2; }
        const int d = 16, k = 16;
        var rng = new Random(3);
        double Normal()
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        var centers = new double[k, d];
        for (int j = 0; j < k; j++) for (int c = 0; c < d; c++) centers[j, c] = 4.0 * Normal();
        var mix = new double[k, d, d];
        for (int j = 0; j < k; j++)
            for (int r = 0; r < d; r++)
            {
                for (int c = 0; c < r; c++) mix[j, r, c] = 0.5 * Normal() / Math.Sqrt(d);
                mix[j, r, r] = 0.5 + rng.NextDouble();
            }
        string dict = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({n}, {d}), }}";
        int pad = (64 - (10 + dict.Length + 1) % 64) % 64;
        string header = dict + new string(' ', pad) + "\n";
        string tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            fs.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
            fs.Write(BitConverter.GetBytes((ushort)header.Length));
            fs.Write(System.Text.Encoding.ASCII.GetBytes(header));
            var buf = new double[8192 * d];
            var z = new double[d];
            for (long first = 0; first < n; first += 8192)
            {
                int m = (int)Math.Min(8192, n - first);
                for (int i = 0; i < m; i++)
                {
                    int j = rng.Next(k);
                    for (int c = 0; c < d; c++) z[c] = Normal();
                    for (int r = 0; r < d; r++)
                    {
                        double s = centers[j, r];
                        for (int c = 0; c <= r; c++) s += mix[j, r, c] * z[c];
                        buf[i * d + r] = s;
                    }
                }
                fs.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(buf.AsSpan(0, m * d)));
            }
        }
        File.Move(tmp, path, overwrite: true);
        return 0;
    }
}
