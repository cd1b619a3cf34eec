using System.Buffers.Binary;
using System.Text;

namespace Mixtures.Cli.Tests.Fuzzing;

/// <summary>Valid NumPy .npy files as bytes: the seeds that the reader fuzzing mutates.</summary>
internal static class NpyBytes
{
    /// <summary>An array of float64 ('&lt;f8', '&gt;f8') or float32 ('&lt;f4') values, shaped (rows,) or (rows, columns).</summary>
    public static byte[] Create(double[] values, string shape, string descr = "<f8", int major = 1)
    {
        var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
        int prefix = 6 + 2 + (major == 1 ? 2 : 4);
        int total = (prefix + dict.Length + 1 + 63) / 64 * 64;
        var header = dict.PadRight(total - prefix - 1) + "\n";
        var bytes = new List<byte> { 0x93 };
        bytes.AddRange("NUMPY"u8.ToArray());
        bytes.Add((byte)major);
        bytes.Add(0);
        if (major == 1) bytes.AddRange(BitConverter.GetBytes((ushort)header.Length));
        else bytes.AddRange(BitConverter.GetBytes((uint)header.Length));
        bytes.AddRange(Encoding.Latin1.GetBytes(header));
        int size = descr[2] == '8' ? 8 : 4;
        var buffer = new byte[size];
        foreach (var v in values)
        {
            if (size == 4) BinaryPrimitives.WriteSingleLittleEndian(buffer, (float)v);
            else if (descr[0] == '>') BinaryPrimitives.WriteDoubleBigEndian(buffer, v);
            else BinaryPrimitives.WriteDoubleLittleEndian(buffer, v);
            bytes.AddRange(buffer);
        }
        return bytes.ToArray();
    }

    /// <summary>The seeds: 2-D float64, float32, big-endian, 1-D, version 2.0.</summary>
    public static byte[][] Seeds()
    {
        var v = Enumerable.Range(0, 24).Select(i => Math.Sin(i) * 10 + i * 0.25).ToArray();
        return
        [
            Create(v, "(12, 2)"),
            Create(v, "(8, 3)", "<f4"),
            Create(v, "(6, 4)", ">f8"),
            Create(v[..10], "(10,)"),
            Create(v, "(4, 6)", "<f8", major: 2),
        ];
    }
}
