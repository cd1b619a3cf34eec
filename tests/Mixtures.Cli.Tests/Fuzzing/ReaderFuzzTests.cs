using System.Text;
using CsCheck;
using Mixtures.Cli.Io;
using Xunit;
using Xunit.Abstractions;

namespace Mixtures.Cli.Tests.Fuzzing;

/// <summary>
/// Fuzzing the CSV and .npy readers in-process with CsCheck: random bytes, and mutations of valid files
/// (truncation, flipped bytes, inserted delimiters, quotes, newlines, "NaN", "1e400", empty cells; for .npy
/// wrong dtype, shape and fortran_order, huge declared shapes, corrupt header lengths). Every input must give
/// either a dataset of finite values with a consistent shape, or the CLI's data error (<see cref="CliException"/>)
/// naming the file — never another exception, never a hang, and never an allocation driven by a header's
/// claimed size rather than the file's real size. The budget comes from MIXTURES_FUZZ_ITERATIONS (default 1000).
/// </summary>
public class ReaderFuzzTests(ITestOutputHelper output)
{
    private const string CsvName = "fuzz.csv", NpyName = "fuzz.npy";

    private static int Budget => int.TryParse(Environment.GetEnvironmentVariable("MIXTURES_FUZZ_ITERATIONS"), out int n) && n > 0 ? n : 1000;

    /// <summary>Longest time one input may take (a hang fails the test instead of stalling it).</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static readonly string[] CsvSeeds =
    [
        "eruptions,waiting\n3.6,79\n1.8,54\n3.333,74\n2.283,62\n4.533,85\n2.883,55\n4.7,88\n3.6,85\n1.95,51\n4.35,85\n",
        "sepal_length,sepal_width,petal_length,petal_width\n5.1,3.5,1.4,0.2\n4.9,3.0,1.4,0.2\n6.3,3.3,6.0,2.5\n5.8,2.7,5.1,1.9\n",
        "\"a\",\"b, quoted\",\"c\"\r\n1,\"2\",3\r\n-4.5e-3,5E+2,6\r\n7,  8 ,9\r\n",
        "x;y\n1;2\n3;4\n5;6\n",
        "\uFEFFonly\n1\n2\n3\n\n",
        "a,b,w\n1,2,0.5\n3,4,1\n5,6,2\n",
    ];

    private static readonly string[] CsvTokens =
        [",", "\"", "\n", "\r\n", "\r", "NaN", "1e400", "-1e400", "Infinity", "", ",,", ";", "\t", "\"\"", "abc", "\0", "\uFEFF", "1e-400",
         "0x10", "-", ".", "1,5", "\"\n\"", "\u00e9", "\ud800", "99999999999999999999999999", " "];

    private static readonly byte[][] NpySeeds = NpyBytes.Seeds();

    private static readonly string[] HeaderSwaps =
    [
        "'descr': '<i8'", "'descr': '<f2'", "'descr': '|b1'", "'descr': '<c16'", "'descr': 'O'", "'descr': '<f8 '", "'descr': '>f4'",
        "'fortran_order': True", "'fortran_order': Maybe",
        "'shape': (1000000000000, 2)", "'shape': (9223372036854775807, 9223372036854775807)", "'shape': (3,)", "'shape': ()",
        "'shape': (2, 3, 4)", "'shape': (-1, 2)", "'shape': (0, 2)", "'shape': (2, 0)", "'shape': (99999999999999999999, 1)",
        "'shape': (4294967296, 4294967296)", "'shape': (1, 2305843009213693951)", "'shape': (268435456, 8)", "'shape': (24, 1)",
        "'shape': (1, 24)", "'shape': (2L, 12L)", "'shape': (a, b)", "'shape': (12, 2", "",
    ];

    /// <summary>Mutations of valid CSV text: insert tokens, delete or flip bytes, truncate, empty a cell.</summary>
    private static readonly Gen<byte[]> MutatedCsv =
        Gen.Select(Gen.Int[0, CsvSeeds.Length - 1], Gen.Int[1, 6], Gen.Int[0, int.MaxValue].Array[12], Gen.Int[0, 9])
            .Select((seed, count, r, kind) =>
            {
                var bytes = new List<byte>(Encoding.UTF8.GetBytes(CsvSeeds[seed]));
                for (int i = 0; i < count && bytes.Count > 0; i++)
                {
                    int a = r[2 * i], pos = r[2 * i + 1] % (bytes.Count + 1);
                    switch ((kind + i) % 6)
                    {
                        case 0:
                        case 1: bytes.InsertRange(pos, Encoding.UTF8.GetBytes(CsvTokens[a % CsvTokens.Length])); break;
                        case 2: if (pos < bytes.Count) bytes[pos] ^= (byte)(1 << (a % 8)); break;
                        case 3: bytes.RemoveRange(Math.Min(pos, bytes.Count), Math.Min(1 + a % 6, bytes.Count - Math.Min(pos, bytes.Count))); break;
                        case 4: bytes.RemoveRange(pos, bytes.Count - pos); break;
                        default:
                            // Replace a number by a token (an empty cell, NaN, 1e400, ...).
                            while (pos < bytes.Count && !(bytes[pos] is (byte)'-' or >= (byte)'0' and <= (byte)'9')) pos++;
                            int end = pos;
                            while (end < bytes.Count && (bytes[end] is (byte)'.' or (byte)'e' or (byte)'E' or (byte)'-' or (byte)'+' or >= (byte)'0' and <= (byte)'9')) end++;
                            bytes.RemoveRange(pos, end - pos);
                            bytes.InsertRange(pos, Encoding.UTF8.GetBytes(CsvTokens[a % CsvTokens.Length]));
                            break;
                    }
                }
                return bytes.ToArray();
            });

    /// <summary>Mutations of valid .npy files: header fields swapped, bytes flipped, truncated or appended, lengths corrupted, NaN/Inf data.</summary>
    private static readonly Gen<byte[]> MutatedNpy =
        Gen.Select(Gen.Int[0, NpySeeds.Length - 1], Gen.Int[1, 4], Gen.Int[0, int.MaxValue].Array[8], Gen.Int[0, 7])
            .Select((seed, count, r, kind) =>
            {
                var bytes = new List<byte>(NpySeeds[seed]);
                for (int i = 0; i < count && bytes.Count > 0; i++)
                {
                    int a = r[2 * i], pos = r[2 * i + 1] % bytes.Count;
                    switch ((kind + i) % 8)
                    {
                        case 0:
                        case 1:
                        {
                            // Swap one header field for a wrong or awkward one (keeping the header's length field right).
                            var text = Encoding.Latin1.GetString(bytes.ToArray());
                            int start = text.IndexOf('{'), stop = text.IndexOf('}');
                            if (start < 0 || stop < start) break;
                            var dict = text[start..(stop + 1)];
                            var swap = HeaderSwaps[a % HeaderSwaps.Length];
                            string key = swap.Length == 0 ? "'descr'" : swap[..(swap.IndexOf(':') + 1)];
                            int at = dict.IndexOf(key.TrimEnd(':'), StringComparison.Ordinal);
                            if (at < 0) break;
                            int next = dict.IndexOf(swap.StartsWith("'shape'", StringComparison.Ordinal) || key.StartsWith("'shape'", StringComparison.Ordinal) ? ")," : ",", at, StringComparison.Ordinal);
                            if (next < 0) break;
                            if (dict[next] == ')') next++;
                            var newDict = dict[..at] + swap + dict[next..];
                            int headerStart = NpySeeds[seed][6] == 1 ? 10 : 12;
                            int headerLen = text.IndexOf('\n', start) + 1 - headerStart;
                            var header = newDict.PadRight(Math.Max(newDict.Length + 1, headerLen - 1)) + "\n";
                            var rebuilt = new List<byte>(bytes.Take(headerStart - (headerStart == 10 ? 2 : 4)));
                            rebuilt.AddRange(headerStart == 10 ? BitConverter.GetBytes((ushort)header.Length) : BitConverter.GetBytes((uint)header.Length));
                            rebuilt.AddRange(Encoding.Latin1.GetBytes(header));
                            rebuilt.AddRange(bytes.Skip(headerStart + headerLen));
                            bytes = rebuilt;
                            break;
                        }
                        case 2: bytes[pos] ^= (byte)(1 << (a % 8)); break;
                        case 3: bytes.RemoveRange(pos, bytes.Count - pos); break;
                        case 4: bytes.AddRange(Enumerable.Repeat((byte)a, 1 + a % 16)); break;
                        case 5:
                        {
                            // Corrupt the header length field (bytes 8..9, or 8..11 for version 2).
                            int at = 8 + a % 2;
                            if (at < bytes.Count) bytes[at] = (byte)(a >> 8);
                            break;
                        }
                        case 6:
                        {
                            // NaN, infinity or huge values in the data (float64 little endian at an 8-byte boundary from the end).
                            double[] odd = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e308, -0.0, double.Epsilon];
                            int back = 8 * (1 + a % 8);
                            if (back <= bytes.Count - 10)
                            {
                                var v = BitConverter.GetBytes(odd[a % odd.Length]);
                                for (int b = 0; b < 8; b++) bytes[bytes.Count - back + b] = v[b];
                            }
                            break;
                        }
                        default: bytes[6] = (byte)(a % 5); break; // version byte
                    }
                }
                return bytes.ToArray();
            });

    private static DataSet ReadCsv(byte[] bytes)
    {
        using var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return CsvTableReader.Read(text, CsvName, Selection(bytes));
    }

    private static DataSet ReadNpy(byte[] bytes) => NpyReader.Read(new MemoryStream(bytes), NpyName, Selection(bytes));

    /// <summary>Mostly every column; sometimes a weights column, as --weights-column would ask.</summary>
    private static ColumnSelection Selection(byte[] bytes) => bytes.Length % 7 == 3 ? new ColumnSelection(null, bytes.Length % 2 == 0 ? "w" : "x1") : ColumnSelection.All;

    /// <summary>The property: a finite, consistent dataset, or a CliException naming the file; within time and memory.</summary>
    /// <returns>Whether the input was accepted (false: rejected with a clean error).</returns>
    private static bool Check(Func<byte[], DataSet> read, string name, byte[] bytes)
    {
        Exception? failure = null;
        DataSet? data = null;
        long allocated = 0;
        var work = Task.Factory.StartNew(() =>
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                data = read(bytes);
            }
            catch (Exception e)
            {
                failure = e;
            }
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!work.Wait(Limit))
            throw new Xunit.Sdk.XunitException($"{name}: the reader did not finish in {Limit} on {Describe(bytes)}");

        // Memory follows the file: a few buffers plus a bounded multiple of its size, whatever a header claims.
        long bound = (16L << 20) + 256L * bytes.Length;
        Assert.True(allocated <= bound, $"{name}: {allocated} bytes allocated for a {bytes.Length}-byte input: {Describe(bytes)}");

        if (failure is not null)
        {
            if (failure is not CliException cli)
                throw new Xunit.Sdk.XunitException($"{name}: {failure.GetType().Name}: {failure.Message} on {Describe(bytes)}\n{failure}");
            Assert.True(cli.Message.Contains(name, StringComparison.Ordinal), $"the message does not name the file: {cli.Message}");
            Assert.DoesNotContain('\n', cli.Message);
            return false;
        }
        var d = data!;
        Assert.True(d.Rows >= 1 && d.Columns >= 1, $"empty dataset {d.Rows} x {d.Columns}");
        Assert.Equal(d.Columns, d.FeatureNames.Length);
        Assert.Equal(d.FeatureNames.Length, d.FeatureNames.Distinct().Count());
        if (d.SampleWeights is { } w)
        {
            Assert.Equal(d.Rows, w.Length);
            Assert.All(w, v => Assert.True(double.IsFinite(v) && v >= 0));
        }
        foreach (var v in d.X) Assert.True(double.IsFinite(v), $"{name}: accepted a non-finite value on {Describe(bytes)}");
        return true;
    }

    private static string Describe(byte[] bytes) =>
        $"{bytes.Length} bytes: " + Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 400)));

    private void Run(Gen<byte[]> gen, Func<byte[], DataSet> read, string name, string what)
    {
        int budget = Budget;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int accepted = 0, rejected = 0;
        gen.Sample(bytes =>
        {
            if (Check(read, name, bytes)) accepted++;
            else rejected++;
        }, iter: budget, threads: 1);
        // Shrinking may run extra inputs after a failure; on success the counts are the budget's executions.
        output.WriteLine($"{name}: {accepted + rejected} {what} in {clock.Elapsed.TotalSeconds:F1} s, no failure ({accepted} read, {rejected} refused cleanly)");
    }

    [Fact]
    public void Csv_MutatedFiles_ReadOrFailCleanly() => Run(MutatedCsv, ReadCsv, CsvName, "mutated CSV files");

    [Fact]
    public void Csv_RandomBytes_ReadOrFailCleanly() => Run(Gen.Byte.Array[0, 300], ReadCsv, CsvName, "random inputs");

    [Fact]
    public void Npy_MutatedFiles_ReadOrFailCleanly() => Run(MutatedNpy, ReadNpy, NpyName, "mutated .npy files");

    [Fact]
    public void Npy_RandomBytes_ReadOrFailCleanly() =>
        Run(Gen.OneOf(Gen.Byte.Array[0, 300], Gen.Byte.Array[0, 300].Select(b => (byte[])[0x93, .. "NUMPY"u8.ToArray(), .. b])),
            ReadNpy, NpyName, "random inputs (half behind a valid magic string)");

    [Fact]
    public void Npy_HugeDeclaredShapes_AreRefusedWithoutAllocating()
    {
        foreach (var shape in new[] { "(1000000000000, 2)", "(9223372036854775807, 9223372036854775807)", "(4294967296, 4294967296)",
                     "(1, 2305843009213693951)", "(268435456, 8)", "(3037000500, 3037000500)" })
        {
            var bytes = NpyBytes.Create([1, 2, 3, 4], shape);
            Check(ReadNpy, NpyName, bytes);
            var e = Assert.Throws<CliException>(() => ReadNpy(bytes));
            Assert.Contains("truncated", e.Message);
        }
    }

    [Fact]
    public void Seeds_AreReadAsTheyAre()
    {
        foreach (var seed in NpySeeds) Check(ReadNpy, NpyName, seed);
        var d = ReadNpy(NpySeeds[2]);
        Assert.Equal(6, d.Rows);
        Assert.Equal(4, d.Columns);
        Assert.Equal(Math.Sin(1) * 10 + 0.25, d.X[0, 1]);
        foreach (var seed in CsvSeeds) Check(ReadCsv, CsvName, Encoding.UTF8.GetBytes(seed));
        var c = ReadCsv(Encoding.UTF8.GetBytes(CsvSeeds[2]));
        Assert.Equal(3, c.Rows);
        Assert.Equal(["a", "b, quoted", "c"], c.FeatureNames);
    }
}
