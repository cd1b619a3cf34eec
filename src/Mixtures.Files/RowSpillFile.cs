using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Mixtures.Data;

namespace Mixtures.Files;

/// <summary>
/// A temporary binary copy of rows (D float64 values and an optional weight per row) for formats that
/// cannot be re-read cheaply every pass: CSV text is parsed once into it instead of every EM iteration.
/// On Unix the file is unlinked as soon as it is created and lives only through the open handle, so
/// nothing is left behind on any exit, Ctrl-C and SIGKILL included; elsewhere it is deleted on close.
/// </summary>
public sealed class RowSpillFile : IRowSource, IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly int _record;
    private readonly byte[] _pending;
    private int _pendingRows;
    private long _rows;
    private bool _complete;

    /// <summary>Creates an empty spill file in <paramref name="directory"/>.</summary>
    /// <param name="directory">Where to put it (next to the output, or --temp-dir).</param>
    /// <param name="features">Values per row.</param>
    /// <param name="weighted">Whether each row also has a weight.</param>
    public RowSpillFile(string directory, int features, bool weighted)
    {
        Features = features;
        Weighted = weighted;
        _record = (features + (weighted ? 1 : 0)) * sizeof(double);
        _pending = new byte[Math.Max(1, (1 << 20) / _record) * _record];
        _handle = CreateUnlinked(directory);
    }

    /// <summary>
    /// A new temporary file in <paramref name="directory"/> open for reading and writing: on Unix unlinked at once,
    /// so it lives only through the handle (nothing is left behind on any exit); elsewhere deleted on close.
    /// </summary>
    internal static SafeFileHandle CreateUnlinked(string directory)
    {
        var path = System.IO.Path.Combine(directory, $".mixtures-spill-{Guid.NewGuid():N}.bin");
        bool unix = !OperatingSystem.IsWindows();
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            unix ? FileOptions.None : FileOptions.DeleteOnClose);
        if (unix) File.Delete(path);
        return handle;
    }

    /// <inheritdoc/>
    public long Rows => _rows;

    /// <inheritdoc/>
    public int Features { get; }

    /// <inheritdoc/>
    public bool Weighted { get; }

    /// <summary>Appends one row (and its weight when the file is weighted).</summary>
    public void Append(ReadOnlySpan<double> values, double weight = 1)
    {
        if (_complete) throw new InvalidOperationException("The spill file is complete.");
        var dst = MemoryMarshal.Cast<byte, double>(_pending.AsSpan(_pendingRows * _record, _record));
        values.CopyTo(dst);
        if (Weighted) dst[Features] = weight;
        if (++_pendingRows * _record == _pending.Length) Flush();
    }

    /// <summary>Writes what is buffered; after this the file can be read.</summary>
    public void Complete()
    {
        Flush();
        _complete = true;
    }

    private void Flush()
    {
        RandomAccess.Write(_handle, _pending.AsSpan(0, _pendingRows * _record), _rows * _record);
        _rows += _pendingRows;
        _pendingRows = 0;
    }

    /// <inheritdoc/>
    public IRowReader OpenReader() =>
        _complete ? new Reader(this) : throw new InvalidOperationException("Complete the spill file before reading it.");

    /// <summary>Closes (and so deletes) the file.</summary>
    public void Dispose() => _handle.Dispose();

    private sealed class Reader(RowSpillFile file) : IRowReader
    {
        private byte[] _bytes = [];
        private double[] _values = [];
        private double[] _weights = [];

        public RowRange Read(long first, int count)
        {
            int need = count * file._record, d = file.Features;
            if (_bytes.Length < need) _bytes = new byte[need];
            for (int got = 0; got < need;)
            {
                int n = RandomAccess.Read(file._handle, _bytes.AsSpan(got, need - got), first * file._record + got);
                if (n == 0) throw new EndOfStreamException("The spill file ended early.");
                got += n;
            }
            var all = MemoryMarshal.Cast<byte, double>(_bytes.AsSpan(0, need));
            if (!file.Weighted) return new RowRange(all, default);
            if (_values.Length < count * d) _values = new double[count * d];
            if (_weights.Length < count) _weights = new double[count];
            for (int r = 0; r < count; r++)
            {
                all.Slice(r * (d + 1), d).CopyTo(_values.AsSpan(r * d));
                _weights[r] = all[r * (d + 1) + d];
            }
            return new RowRange(_values.AsSpan(0, count * d), _weights.AsSpan(0, count));
        }

        public void Dispose() { }
    }
}
