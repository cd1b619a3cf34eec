namespace Mixtures.Internal;

/// <summary>
/// Splits N rows into a fixed set of chunks that depends on N only, never on the thread count.
/// Threads take whole chunks and chunk results are combined in chunk order, so every sum is
/// computed in the same order on 1 or 64 threads: fits are bit-identical.
/// </summary>
internal readonly struct ChunkPlan
{
    /// <summary>
    /// Rows handled together by one kernel call (bounded scratch: BlockRows x K). Large enough to amortize
    /// the per-block work (vectorized exp/log calls, loading and storing the statistics), small enough that
    /// a block's log-probabilities stay in cache; full-covariance kernels sub-block further where D is large
    /// (bench/README.md, "Tuning constants").
    /// </summary>
    public const int BlockRows = 128;

    /// <summary>
    /// Rows read from a source at once within a chunk: bounds a streamed source's buffer to this many rows,
    /// and costs nothing for an in-memory one (a range is a span into the array). A multiple of
    /// <see cref="BlockRows"/>, so blocks are the same as if the chunk were read whole.
    /// </summary>
    public const int SlabRows = 64 * BlockRows;
    const int MinChunkRows = 2048;
    const int MaxChunks = 16;

    public ChunkPlan(long rows)
    {
        if (rows > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(rows), rows, "More than 2^31 - 1 rows are not supported yet.");
        Rows = (int)rows;
        Count = Math.Clamp((Rows + MinChunkRows - 1) / MinChunkRows, 1, MaxChunks);
    }

    public int Rows { get; }
    public int Count { get; }

    public (int Start, int Length) this[int chunk]
    {
        get
        {
            long start = (long)Rows * chunk / Count, end = (long)Rows * (chunk + 1) / Count;
            return ((int)start, (int)(end - start));
        }
    }

    /// <summary>The chunk that holds <paramref name="row"/>.</summary>
    public int ChunkOf(int row)
    {
        int c = (int)Math.Min(Count - 1, ((long)row * Count + Count - 1) / Rows);
        while (c > 0 && this[c].Start > row) c--;
        while (c < Count - 1 && this[c + 1].Start <= row) c++;
        return c;
    }

    public void ForEach(int? maxThreads, Action<int> body)
    {
        int threads = Math.Min(maxThreads ?? Environment.ProcessorCount, Count);
        if (threads <= 1)
        {
            for (int c = 0; c < Count; c++) body(c);
            return;
        }
        // Each worker takes the next chunk in order (not ranges): chunks finish roughly in order, so
        // per-chunk state merged in chunk order can be released early (see ExpectationMaximization).
        int next = -1;
        int count = Count;
        try
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
            {
                int c;
                while ((c = Interlocked.Increment(ref next)) < count) body(c);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            // A cancelled fit ends with the exception callers catch, not one per worker wrapped together.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }
}
