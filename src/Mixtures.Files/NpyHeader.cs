using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace Mixtures.Files;

/// <summary>The header of a NumPy .npy file: element type, shape, and where the values start.</summary>
/// <param name="ElementSize">8 (float64) or 4 (float32).</param>
/// <param name="BigEndian">Byte order of the values.</param>
/// <param name="Rows">N.</param>
/// <param name="Columns">D (1 for a vector).</param>
/// <param name="DataOffset">Byte offset of the first value.</param>
public sealed partial record NpyHeader(int ElementSize, bool BigEndian, long Rows, long Columns, long DataOffset)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>
    /// Reads and checks the header of a seekable stream positioned at the start of the file, including that the
    /// file holds exactly the bytes the shape promises; leaves the stream at the first value.
    /// Problems are <see cref="TableFormatException"/>s that say what is wrong.
    /// </summary>
    public static NpyHeader Read(Stream stream, string path)
    {
        var (descr, fortran, shape) = ReadDictionary(stream, path);
        TableFormatException Bad(string what) => new(path, null, null, what);
        if (fortran) throw Bad("the array is in Fortran order; save it with numpy.ascontiguousarray(...) first.");
        if (!TryElement(descr, out int size, out bool bigEndian))
            throw Bad($"dtype '{descr}' is not supported; use float64 or float32 (arr.astype('float64')).");
        if (shape.Length is 0 or > 2) throw Bad($"the array has {shape.Length} dimensions; expected (rows,) or (rows, columns).");
        long n = shape[0], d = shape.Length == 2 ? shape[1] : 1;
        if (n == 0) throw Bad("the array has no rows.");
        if (d == 0) throw Bad("the array has no columns.");
        long available = stream.Length - stream.Position;
        // Compared by division, so that a huge declared shape can neither overflow nor drive an allocation.
        if (n > available / size / d)
            throw Bad($"the file is truncated: the header promises {n} x {d} values of {size} bytes but {available} bytes follow.");
        long expected = n * d * size;
        if (available > expected)
            throw Bad($"the file has {available - expected} bytes after the {n} x {d} values the header promises; it is corrupt or not a plain .npy array.");
        return new NpyHeader(size, bigEndian, n, d, stream.Position);
    }

    private static (string Descr, bool Fortran, long[] Shape) ReadDictionary(Stream stream, string path)
    {
        TableFormatException Bad(string what) => new(path, null, null, what);
        var pre = new byte[8];
        if (stream.ReadAtLeast(pre, 8, throwOnEndOfStream: false) < 8 || !pre.AsSpan(0, 6).SequenceEqual(Magic))
            throw Bad("not a NumPy .npy file (the magic string \\x93NUMPY is missing).");
        int major = pre[6];
        int lenBytes = major == 1 ? 2 : major is 2 or 3 ? 4 : throw Bad($".npy format version {major} is not supported.");
        var lb = new byte[lenBytes];
        if (stream.ReadAtLeast(lb, lenBytes, false) < lenBytes) throw Bad("the .npy header is truncated.");
        long headerLen = lenBytes == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(lb) : BinaryPrimitives.ReadUInt32LittleEndian(lb);
        if (headerLen > 1 << 20 || headerLen > stream.Length - stream.Position)
            throw Bad("the .npy header is truncated or its length is corrupt.");
        var hb = new byte[headerLen];
        stream.ReadExactly(hb);
        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(hb);

        var descr = DescrRegex().Match(header);
        var fortran = FortranRegex().Match(header);
        var shape = ShapeRegex().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
            throw Bad("the .npy header is malformed (needs 'descr', 'fortran_order' and 'shape').");
        long[] dims;
        try
        {
            dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => long.Parse(s.TrimEnd('L'), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw Bad($"the .npy shape '({shape.Groups[1].Value})' is malformed.");
        }
        if (dims.Any(v => v < 0)) throw Bad("the .npy shape has a negative dimension.");
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

    /// <summary>Converts stored values (<paramref name="bytes"/>) to doubles, as many as <paramref name="values"/> holds.</summary>
    public void Convert(ReadOnlySpan<byte> bytes, Span<double> values)
    {
        if (ElementSize == 8 && BigEndian != BitConverter.IsLittleEndian)
        {
            System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(bytes).CopyTo(values);
            return;
        }
        for (int i = 0; i < values.Length; i++)
        {
            var b = bytes.Slice(i * ElementSize, ElementSize);
            values[i] = ElementSize == 8
                ? (BigEndian ? BinaryPrimitives.ReadDoubleBigEndian(b) : BinaryPrimitives.ReadDoubleLittleEndian(b))
                : (BigEndian ? BinaryPrimitives.ReadSingleBigEndian(b) : BinaryPrimitives.ReadSingleLittleEndian(b));
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrRegex();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranRegex();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeRegex();
}
