using System.Buffers.Binary;

namespace Mixtures.Cli.Io;

/// <summary>
/// Reads a NumPy <c>.npy</c> array of float64 or float32 in C order, shaped (N,) or (N, D).
/// Columns are named x0, x1, ...; malformed files give a <see cref="CliException"/> saying what is wrong.
/// </summary>
internal static class NpyReader
{
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
        Mixtures.Files.NpyHeader h;
        try
        {
            h = Mixtures.Files.NpyHeader.Read(stream, path);
        }
        catch (Mixtures.Files.TableFormatException e)
        {
            throw TableLoader.Translate(e);
        }
        long n = h.Rows, d = h.Columns;
        int size = h.ElementSize;
        bool bigEndian = h.BigEndian;
        if (n * d > Array.MaxLength) throw CliException.InFile(path, null, null, "the array is too large to load; use --out-of-core.");

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
            // Sliced by elements before taking bytes: over 2^28 doubles the whole array's byte count overflows an int.
            const int slice = (1 << 20) / sizeof(double);
            for (int start = 0; start < flat.Length; start += slice)
            {
                ct.ThrowIfCancellationRequested();
                stream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(flat.Slice(start, Math.Min(slice, flat.Length - start))));
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
}
