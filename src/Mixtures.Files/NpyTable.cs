using Microsoft.Win32.SafeHandles;
using Mixtures.Data;

namespace Mixtures.Files;

/// <summary>
/// A .npy array read with positioned reads (<see cref="RandomAccess"/>): nothing is mapped or copied whole,
/// every reader holds one slab of rows, and files of any size (over 2 GiB too) are addressed with 64-bit offsets.
/// Columns are named x0, x1, ...
/// </summary>
public sealed class NpyTable : ITableFile
{
    private NpyTable(string path, NpyHeader header)
    {
        Path = path;
        Header = header;
        if (header.Columns > int.MaxValue) throw new TableFormatException(path, null, null, "the array has too many columns.");
        ColumnNames = Enumerable.Range(0, (int)header.Columns).Select(j => $"x{j}").ToArray();
    }

    /// <summary>Opens and checks the header of a .npy file.</summary>
    public static NpyTable Open(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        return new NpyTable(path, NpyHeader.Read(stream, path));
    }

    /// <summary>The parsed header.</summary>
    public NpyHeader Header { get; }

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <inheritdoc/>
    public long RowCount => Header.Rows;

    /// <inheritdoc/>
    public IRowSource Select(IReadOnlyList<int> featureColumns, int weightsColumn = -1) =>
        new Source(this, featureColumns.ToArray(), weightsColumn);

    /// <inheritdoc/>
    public void Dispose() { }

    private sealed class Source(NpyTable table, int[] features, int weights) : IRowSource
    {
        public long Rows => table.RowCount;
        public int Features => features.Length;
        public bool Weighted => weights >= 0;
        public IRowReader OpenReader() => new Reader(table, features, weights);
    }

    private sealed class Reader(NpyTable table, int[] features, int weights) : IRowReader
    {
        private readonly SafeFileHandle _file = File.OpenHandle(table.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        private readonly bool _identity = weights < 0 && features.Length == table.Header.Columns && features.Select((f, i) => f == i).All(b => b);
        private byte[] _bytes = [];
        private double[] _row = [];
        private double[] _values = [];
        private double[] _weights = [];

        public RowRange Read(long first, int count)
        {
            var h = table.Header;
            int dFile = (int)h.Columns, d = features.Length;
            long rowBytes = h.Columns * h.ElementSize;
            int need = checked((int)(count * rowBytes));
            if (_values.Length < count * d) _values = new double[count * d];
            // Native float64 rows read whole go straight into the values: no second copy.
            bool direct = _identity && h.ElementSize == 8 && h.BigEndian != BitConverter.IsLittleEndian;
            if (!direct && _bytes.Length < need) _bytes = new byte[need];
            var bytes = direct ? System.Runtime.InteropServices.MemoryMarshal.AsBytes(_values.AsSpan(0, count * d)) : _bytes.AsSpan(0, need);
            int got = 0;
            while (got < need)
            {
                int n = RandomAccess.Read(_file, bytes[got..], h.DataOffset + first * rowBytes + got);
                if (n == 0) throw new TableFormatException(table.Path, first + 1, null, "the file ended early (was it truncated while being read?).");
                got += n;
            }
            if (_identity)
            {
                if (!direct) h.Convert(bytes, _values.AsSpan(0, count * d));
                return new RowRange(_values.AsSpan(0, count * d), default);
            }
            if (_row.Length < dFile) _row = new double[dFile];
            if (weights >= 0 && _weights.Length < count) _weights = new double[count];
            for (int r = 0; r < count; r++)
            {
                h.Convert(bytes.Slice(r * (int)rowBytes, (int)rowBytes), _row);
                for (int j = 0; j < d; j++) _values[r * d + j] = _row[features[j]];
                if (weights >= 0) _weights[r] = _row[weights];
            }
            return new RowRange(_values.AsSpan(0, count * d), weights >= 0 ? _weights.AsSpan(0, count) : default);
        }

        public void Dispose() => _file.Dispose();
    }
}
