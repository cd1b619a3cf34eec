using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace Mixtures.Cli.Io;

/// <summary>
/// Reads a NumPy <c>.npy</c> array of float64 or float32 in C order, shaped (N,) or (N, D).
/// Columns are named x0, x1, ...; malformed files give a <see cref="CliException"/> saying what is wrong.
/// </summary>
internal static partial class NpyReader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static DataSet Read(string path, ColumnSelection selection, CancellationToken cancellationToken = default)
    {
        DataLoader.RequireReadable(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, path, selection, cancellationToken);
    }

    /// <summary>
    /// Reads a .npy array from a seekable stream; <paramref name="path"/> names the source in messages. Nothing is
    /// allocated for the values before the stream is known to hold as many bytes as the header's shape promises.
    /// </summary>
    public static DataSet Read(Stream stream, string path, ColumnSelection selection, CancellationToken cancellationToken = default)
    {
        var (descr, fortran, shape) = ReadHeader(stream, path);
        if (fortran)
            throw CliException.InFile(path, null, null, "the array is in Fortran order; save it with numpy.ascontiguousarray(...) first.");
        if (!TryElement(descr, out int size, out bool bigEndian))
            throw CliException.InFile(path, null, null, $"dtype '{descr}' is not supported; use float64 or float32 (arr.astype('float64')).");
        if (shape.Length is 0 or > 2)
            throw CliException.InFile(path, null, null, $"the array has {shape.Length} dimensions; expected (rows,) or (rows, columns).");
        long n = shape[0], d = shape.Length == 2 ? shape[1] : 1;
        if (n == 0) throw CliException.InFile(path, null, null, "the array has no rows.");
        if (d == 0) throw CliException.InFile(path, null, null, "the array has no columns.");
        long available = stream.Length - stream.Position;
        // Compared by division, so that a huge declared shape can neither overflow nor drive an allocation.
        if (n > available / size / d)
            throw CliException.InFile(path, null, null,
                $"the file is truncated: the header promises {n} x {d} values of {size} bytes but {available} bytes follow.");
        long expected = n * d * size;
        if (n * d > Array.MaxLength) throw CliException.InFile(path, null, null, "the array is too large to load.");
        if (available > expected)
            throw CliException.InFile(path, null, null,
                $"the file has {available - expected} bytes after the {n} x {d} values the header promises; it is corrupt or not a plain .npy array.");

        var all = new double[n, d];
        ReadValues(stream, all, size, bigEndian, cancellationToken);
        var names = Enumerable.Range(0, (int)d).Select(j => $"x{j}").ToArray();
        var full = new DataSet(all, names, null, path);
        for (long i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                if (!double.IsFinite(all[i, j]))
                    throw CliException.InFile(path, i + 1, names[j], $"{all[i, j]} is not a finite number; remove the row or impute a value.");
        return Select(full, selection);
    }

    private static void ReadValues(Stream stream, double[,] x, int size, bool bigEndian, CancellationToken ct)
    {
        var flat = System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref x[0, 0], x.Length);
        if (size == 8 && bigEndian != BitConverter.IsLittleEndian)
        {
            // Native float64: the bytes go straight into the array, no staging buffer.
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(flat);
            for (int start = 0; start < bytes.Length; start += 1 << 20)
            {
                ct.ThrowIfCancellationRequested();
                stream.ReadExactly(bytes.Slice(start, Math.Min(1 << 20, bytes.Length - start)));
            }
            return;
        }
        var buffer = new byte[(int)Math.Min(1 << 20, (long)x.Length * size)];
        int per = buffer.Length / size;
        for (int start = 0; start < flat.Length; start += per)
        {
            ct.ThrowIfCancellationRequested();
            int count = Math.Min(per, flat.Length - start);
            stream.ReadExactly(buffer, 0, count * size);
            for (int i = 0; i < count; i++)
            {
                var b = buffer.AsSpan(i * size, size);
                flat[start + i] = size == 8
                    ? (bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b))
                    : (bigEndian ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b));
            }
        }
    }

    private static (string Descr, bool Fortran, long[] Shape) ReadHeader(Stream stream, string path)
    {
        var pre = new byte[8];
        if (stream.ReadAtLeast(pre, 8, throwOnEndOfStream: false) < 8 || !pre.AsSpan(0, 6).SequenceEqual(Magic))
            throw CliException.InFile(path, null, null, "not a NumPy .npy file (the magic string \\x93NUMPY is missing).");
        int major = pre[6];
        int lenBytes = major == 1 ? 2 : major is 2 or 3 ? 4 : throw CliException.InFile(path, null, null, $".npy format version {major} is not supported.");
        var lb = new byte[lenBytes];
        if (stream.ReadAtLeast(lb, lenBytes, false) < lenBytes) throw CliException.InFile(path, null, null, "the .npy header is truncated.");
        long headerLen = lenBytes == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(lb) : BinaryPrimitives.ReadUInt32LittleEndian(lb);
        if (headerLen > 1 << 20 || headerLen > stream.Length - stream.Position)
            throw CliException.InFile(path, null, null, "the .npy header is truncated or its length is corrupt.");
        var hb = new byte[headerLen];
        stream.ReadExactly(hb);
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(hb);

        var descr = DescrRegex().Match(header);
        var fortran = FortranRegex().Match(header);
        var shape = ShapeRegex().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
            throw CliException.InFile(path, null, null, "the .npy header is malformed (needs 'descr', 'fortran_order' and 'shape').");
        long[] dims;
        try
        {
            dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => long.Parse(s.TrimEnd('L'), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw CliException.InFile(path, null, null, $"the .npy shape '({shape.Groups[1].Value})' is malformed.");
        }
        if (dims.Any(v => v < 0)) throw CliException.InFile(path, null, null, "the .npy shape has a negative dimension.");
        return (descr.Groups[1].Value, fortran.Groups[1].Value == "True", dims);
    }

    private static bool TryElement(string descr, out int size, out bool bigEndian)
    {
        size = 0;
        bigEndian = false;
        if (descr.Length != 3) return false;
        char order = descr[0];
        bigEndian = order == '>' || (order == '=' && !BitConverter.IsLittleEndian);
        if (order is not ('<' or '>' or '=' or '|') || descr[1] != 'f') return false;
        size = descr[2] switch { '8' => 8, '4' => 4, _ => 0 };
        return size != 0;
    }

    private static DataSet Select(DataSet full, ColumnSelection selection)
    {
        int w = selection.WeightsColumn is null ? -1 : full.IndexOf(selection.WeightsColumn);
        int[] idx = selection.Columns is { } cols
            ? cols.Select(full.IndexOf).ToArray()
            : Enumerable.Range(0, full.Columns).Where(j => j != w).ToArray();
        if (idx.Length == 0) throw CliException.InFile(full.Source, null, null, "no feature columns to read.");
        double[]? weights = null;
        if (w >= 0)
        {
            weights = full.Column(w);
            int bad = Array.FindIndex(weights, v => v < 0);
            if (bad >= 0) throw CliException.InFile(full.Source, bad + 1, full.FeatureNames[w], $"sample weight {weights[bad]} is negative.");
        }
        if (w < 0 && idx.Length == full.Columns && idx.Select((v, i) => v == i).All(b => b)) return full;
        var x = new double[full.Rows, idx.Length];
        for (int i = 0; i < full.Rows; i++)
            for (int j = 0; j < idx.Length; j++)
                x[i, j] = full.X[i, idx[j]];
        return new DataSet(x, idx.Select(j => full.FeatureNames[j]).ToArray(), weights, full.Source);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrRegex();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranRegex();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeRegex();
}
