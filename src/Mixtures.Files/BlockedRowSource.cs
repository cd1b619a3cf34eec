using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Mixtures.Data;

namespace Mixtures.Files;

/// <summary>Decodes whole blocks (Parquet row groups, Arrow record batches) of one file; used by one thread at a time.</summary>
internal interface IBlockDecoder : IDisposable
{
    /// <summary>Fills <paramref name="values"/> with block <paramref name="block"/>'s rows (row-major, D per row) and <paramref name="weights"/> when given.</summary>
    void Decode(int block, double[] values, double[]? weights);
}

/// <summary>
/// Rows of a file stored in blocks of known length. Formats that compress or encode a block as a unit must
/// decode it whole, and a fit opens a reader per chunk, so decoded blocks are shared by all readers of the
/// source in a small cache (one block per core and one more): a block is decoded about once per pass
/// however the chunks cut it, and memory stays O(cores x block) whatever N is.
/// With a cache directory, every decoded block is also written once to an unlinked binary file there, and
/// ranges whose blocks are all written are read back with positioned reads: a fit's later passes cost what
/// a .npy file costs instead of a decompression and decoding each (bench/README.md, "Streamed").
/// </summary>
internal sealed class BlockedRowSource : IRowSource, IDisposable
{
    private readonly SafeFileHandle? _spill;
    private readonly int[] _spilled;   // 1 once block b's rows are in the spill file
    private readonly Func<IBlockDecoder> _openDecoder;
    private readonly ConcurrentBag<IBlockDecoder> _decoders = [];
    private readonly object _gate = new();
    private readonly LinkedList<(int Block, Lazy<Decoded> Data)> _cache = new();
    private readonly int _capacity = Environment.ProcessorCount + 1;

    public BlockedRowSource(long[] blockStarts, int features, bool weighted, Func<IBlockDecoder> openDecoder, string? cacheDirectory = null)
    {
        Starts = blockStarts;
        Features = features;
        Weighted = weighted;
        _openDecoder = openDecoder;
        _spilled = new int[blockStarts.Length - 1];
        if (cacheDirectory is not null) _spill = RowSpillFile.CreateUnlinked(cacheDirectory);
    }

    /// <summary>Closes the cache file (deleting it); the source can still be read by decoding.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_spill is null) return;
            Array.Clear(_spilled);
            _spill.Dispose();
        }
    }

    /// <summary>First row of each block, then the row count.</summary>
    internal long[] Starts { get; }

    public long Rows => Starts[^1];
    public int Features { get; }
    public bool Weighted { get; }

    public IRowReader OpenReader() => new Reader(this);

    private sealed record Decoded(double[] Values, double[]? Weights);

    /// <summary>The decoded block, from the cache or decoded now (other threads wanting the same block wait for it).</summary>
    private Decoded Get(int block)
    {
        Lazy<Decoded> entry;
        lock (_gate)
        {
            var node = _cache.First;
            while (node is not null && node.Value.Block != block) node = node.Next;
            if (node is not null) _cache.Remove(node);
            else node = new LinkedListNode<(int, Lazy<Decoded>)>((block, new Lazy<Decoded>(() => Decode(block))));
            _cache.AddFirst(node);
            while (_cache.Count > _capacity) _cache.RemoveLast();
            entry = node.Value.Data;
        }
        return entry.Value;
    }

    private Decoded Decode(int block)
    {
        int n = (int)(Starts[block + 1] - Starts[block]);
        var values = new double[(long)n * Features];
        var weights = Weighted ? new double[n] : null;
        if (!_decoders.TryTake(out var decoder)) decoder = _openDecoder();
        try
        {
            decoder.Decode(block, values, weights);
        }
        catch
        {
            decoder.Dispose();
            throw;
        }
        _decoders.Add(decoder);
        if (_spill is { IsClosed: false } && Volatile.Read(ref _spilled[block]) == 0)
        {
            // Values of all rows first, then the weights: each block's rows are contiguous in both.
            RandomAccess.Write(_spill, MemoryMarshal.AsBytes(values.AsSpan()), Starts[block] * Features * sizeof(double));
            if (weights is not null) RandomAccess.Write(_spill, MemoryMarshal.AsBytes(weights.AsSpan()), (Rows * Features + Starts[block]) * sizeof(double));
            Volatile.Write(ref _spilled[block], 1);
        }
        return new Decoded(values, weights);
    }

    /// <summary>Disposes the decoders that hold file handles; the source can still be read (they reopen).</summary>
    internal void Release()
    {
        while (_decoders.TryTake(out var d)) d.Dispose();
    }

    private sealed class Reader(BlockedRowSource source) : IRowReader
    {
        private double[] _values = [];
        private double[] _weights = [];

        public RowRange Read(long first, int count)
        {
            int d = source.Features;
            var starts = source.Starts;
            int b = BlockOf(first);
            long end = first + count;
            if (source._spill is not null && Spilled(b, end)) return ReadSpilled(first, count);
            if (end <= starts[b + 1])
            {
                // The whole range lies in one block: a span into the decoded block, no copy.
                var one = source.Get(b);
                int offset = (int)(first - starts[b]);
                return new RowRange(one.Values.AsSpan(offset * d, count * d), one.Weights is null ? default : one.Weights.AsSpan(offset, count));
            }
            if (_values.Length < count * d) _values = new double[count * d];
            if (source.Weighted && _weights.Length < count) _weights = new double[count];
            for (long row = first; row < end;)
            {
                b = BlockOf(row);
                var block = source.Get(b);
                int offset = (int)(row - starts[b]);
                int take = (int)(Math.Min(end, starts[b + 1]) - row);
                block.Values.AsSpan(offset * d, take * d).CopyTo(_values.AsSpan((int)(row - first) * d));
                block.Weights?.AsSpan(offset, take).CopyTo(_weights.AsSpan((int)(row - first)));
                row += take;
            }
            return new RowRange(_values.AsSpan(0, count * d), source.Weighted ? _weights.AsSpan(0, count) : default);
        }

        /// <summary>Whether blocks from <paramref name="b"/> up to the one holding row <paramref name="end"/> - 1 are all in the cache file.</summary>
        private bool Spilled(int b, long end)
        {
            for (; b < source._spilled.Length && source.Starts[b] < end; b++)
                if (Volatile.Read(ref source._spilled[b]) == 0) return false;
            return true;
        }

        private RowRange ReadSpilled(long first, int count)
        {
            int d = source.Features;
            if (_values.Length < count * d) _values = new double[count * d];
            ReadExactly(MemoryMarshal.AsBytes(_values.AsSpan(0, count * d)), first * d * sizeof(double));
            if (!source.Weighted) return new RowRange(_values.AsSpan(0, count * d), default);
            if (_weights.Length < count) _weights = new double[count];
            ReadExactly(MemoryMarshal.AsBytes(_weights.AsSpan(0, count)), (source.Rows * d + first) * sizeof(double));
            return new RowRange(_values.AsSpan(0, count * d), _weights.AsSpan(0, count));
        }

        private void ReadExactly(Span<byte> bytes, long offset)
        {
            for (int got = 0; got < bytes.Length;)
            {
                int n = RandomAccess.Read(source._spill!, bytes[got..], offset + got);
                if (n == 0) throw new EndOfStreamException("The decoded-block cache file ended early.");
                got += n;
            }
        }

        /// <summary>The non-empty block that holds <paramref name="row"/>.</summary>
        private int BlockOf(long row)
        {
            var starts = source.Starts;
            int b = Array.BinarySearch(starts, row);
            if (b < 0) b = ~b - 1;
            while (b + 1 < starts.Length - 1 && starts[b + 1] <= row) b++; // skip empty blocks
            return b;
        }

        public void Dispose() { }
    }
}
