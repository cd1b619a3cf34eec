using System.Runtime.ExceptionServices;

namespace Mixtures.Data;

/// <summary>
/// Overlaps reading with computing for a file-backed source: after returning rows [first, first + count) it
/// reads the next range of the same length (clipped to the end of the caller's run, for example the end of
/// a chunk) on its own thread while the caller works on the rows it has. The values are the same as a
/// direct read, so results do not change; only waiting on the disk does. A dedicated thread, not the
/// thread pool: EM workers occupy the pool, and a queued read behind them would wait instead of overlap.
/// </summary>
internal sealed class ReadAheadReader : IRowReader
{
    readonly IRowReader _inner;
    readonly Func<long, long> _runEnd;
    readonly int _features;
    readonly Thread _thread;
    readonly SemaphoreSlim _start = new(0);
    readonly SemaphoreSlim _done = new(0);
    // Two buffers: the caller holds one range (valid until its next call) while the other is filled.
    double[] _values = [], _weights = [], _nextValues = [], _nextWeights = [];
    long _pendingFirst = -1;
    int _pendingCount;
    bool _pendingWeighted;
    ExceptionDispatchInfo? _error;
    volatile bool _stop;

    /// <summary>Wraps <paramref name="inner"/>, a reader the caller no longer uses itself.</summary>
    /// <param name="inner">The reader to read ahead with.</param>
    /// <param name="features">Values per row.</param>
    /// <param name="runEnd">For a row, the end (exclusive) of the sequential run that holds it: reads never go past it.</param>
    public ReadAheadReader(IRowReader inner, int features, Func<long, long> runEnd)
    {
        _inner = inner;
        _features = features;
        _runEnd = runEnd;
        _thread = new Thread(Work) { IsBackground = true, Name = "Mixtures read-ahead" };
        _thread.Start();
    }

    /// <summary>Whether <see cref="Open"/> reads ahead (the benchmarks compare both).</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>A reader of <paramref name="source"/> that reads ahead, or a plain one for an in-memory array (nothing to overlap).</summary>
    public static IRowReader Open(IRowSource source, Func<long, long> runEnd)
    {
        var reader = source.OpenReader();
        return source is ArrayRowSource || !Enabled ? reader : new ReadAheadReader(reader, source.Features, runEnd);
    }

    /// <inheritdoc/>
    public RowRange Read(long first, int count)
    {
        bool hit = false;
        if (_pendingFirst >= 0)
        {
            _done.Wait();
            hit = _pendingFirst == first && _pendingCount == count;
            _pendingFirst = -1;
            if (hit && _error is { } e)
            {
                _error = null;
                e.Throw();
            }
            _error = null;   // a read ahead of a range nobody asked for: its failure does not matter
        }
        long next = first + count, end = _runEnd(first);
        RowRange result;
        if (hit)
        {
            (_values, _nextValues) = (_nextValues, _values);
            (_weights, _nextWeights) = (_nextWeights, _weights);
            result = new RowRange(_values.AsSpan(0, count * _features), _pendingWeighted ? _weights.AsSpan(0, count) : default);
        }
        else if (next < end)
            result = Keep(_inner.Read(first, count), count, ref _values, ref _weights);   // the inner reader reads ahead next
        else
            return _inner.Read(first, count);   // the end of a run: nothing to read ahead, no copy
        if (next < end)
        {
            // The same length as this read, clipped to the run: the loops read whole slabs, so the next request matches.
            _pendingFirst = next;
            _pendingCount = (int)Math.Min(count, end - next);
            _start.Release();
        }
        return result;
    }

    /// <summary>Copies a range into owned buffers: the inner reader is used again (ahead) while the caller holds it.</summary>
    RowRange Keep(RowRange range, int count, ref double[] values, ref double[] weights)
    {
        int n = count * _features;
        if (values.Length < n) values = new double[n];
        range.Values.CopyTo(values);
        bool weighted = !range.Weights.IsEmpty;
        if (weighted)
        {
            if (weights.Length < count) weights = new double[count];
            range.Weights.CopyTo(weights);
        }
        return new RowRange(values.AsSpan(0, n), weighted ? weights.AsSpan(0, count) : default);
    }

    void Work()
    {
        while (true)
        {
            _start.Wait();
            if (_stop) return;
            try
            {
                var range = _inner.Read(_pendingFirst, _pendingCount);
                _pendingWeighted = !range.Weights.IsEmpty;
                Keep(range, _pendingCount, ref _nextValues, ref _nextWeights);
            }
            catch (Exception e)
            {
                _error = ExceptionDispatchInfo.Capture(e);
            }
            _done.Release();
        }
    }

    /// <summary>Waits for a read in flight, stops the thread and disposes the inner reader.</summary>
    public void Dispose()
    {
        if (_pendingFirst >= 0)
        {
            _done.Wait();
            _pendingFirst = -1;
        }
        _stop = true;
        _start.Release();
        _thread.Join();
        _inner.Dispose();
        _start.Dispose();
        _done.Dispose();
    }
}
