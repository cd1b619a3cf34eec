using Mixtures.Internal.Remote;

namespace Mixtures.Internal;

/// <summary>
/// The loop's two distributed roles, apart from the pass they share. On the coordinator, <see cref="Remote"/>
/// computes the chunks elsewhere and <see cref="RemotePass"/> merges what comes back in chunk order, through
/// the same <c>Finish</c> as local chunks. On a worker, <see cref="PassChunks"/> runs the unchanged local pass
/// over some chunks only and hands each chunk's outcome over instead of merging it.
/// </summary>
internal sealed partial class ExpectationMaximization<TParams>
{
    int[]? _only;                     // worker: the chunks to compute (null: all)
    List<ChunkOutcome>? _outcomes;    // worker: where finished chunks go instead of the total

    /// <summary>Coordinator: computes every pass's chunks elsewhere (null: here).</summary>
    public IRemotePasses<TParams>? Remote { get; init; }

    void ForEachChunk(Action<int> body)
    {
        if (_only is null)
        {
            _plan.ForEach(_threads, body);
            return;
        }
        var chunks = _only;
        int threads = Math.Min(_threads ?? Environment.ProcessorCount, chunks.Length);
        if (threads <= 1)
        {
            foreach (int c in chunks) body(c);
            return;
        }
        int next = -1;
        try
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < chunks.Length) body(chunks[i]);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1 || e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            // As ChunkPlan.ForEach: the exception callers catch, not one per worker wrapped together.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    /// <summary>Worker: the outcomes of <paramref name="chunks"/> under <paramref name="parameters"/>, computed as the local pass computes them.</summary>
    public IReadOnlyList<ChunkOutcome> PassChunks(TParams parameters, int[] chunks)
    {
        foreach (int c in chunks)
            if ((uint)c >= (uint)_plan.Count) throw new ArgumentOutOfRangeException(nameof(chunks), c, $"The plan has {_plan.Count} chunks.");
        var outcomes = new List<ChunkOutcome>(chunks.Length);
        _only = chunks;
        _outcomes = outcomes;
        try
        {
            Pass(parameters);
        }
        finally
        {
            _only = null;
            _outcomes = null;
        }
        return outcomes;
    }

    /// <summary>Worker: a finished chunk's outcome is kept and its state goes back to the pool.</summary>
    void Capture(int c, ChunkState state)
    {
        var worst = _worst[c];
        var scores = new double[worst.Count];
        var rows = new int[worst.Count];
        for (int i = 0; i < worst.Count; i++)
        {
            scores[i] = worst.Score(i);
            rows[i] = worst.Row(i);
        }
        var outcome = new ChunkOutcome(c, StatisticsTransfer.Export(state.Stats), _chunkSum[c], _chunkRLogR[c], scores, rows);
        lock (_pool)
        {
            _outcomes!.Add(outcome);
            _pool.Push(state);
        }
    }

    /// <summary>
    /// Coordinator: the pass computed by <see cref="Remote"/>; every chunk's outcome is loaded into pooled
    /// statistics begun on the same parameters and merged in chunk order, as a local chunk would be.
    /// </summary>
    double RemotePass(TParams parameters)
    {
        var outcomes = Remote!.Run(parameters, FitCancellation.Token);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var byChunk = new ChunkOutcome?[_plan.Count];
        foreach (var o in outcomes)
        {
            if ((uint)o.Chunk >= (uint)byChunk.Length || byChunk[o.Chunk] is not null)
                throw new InvalidDataException($"Chunk {o.Chunk} came back twice or does not exist: the workers must compute each of {_plan.Count} chunks once.");
            byChunk[o.Chunk] = o;
        }
        for (int c = 0; c < byChunk.Length; c++)
        {
            var o = byChunk[c] ?? throw new InvalidDataException($"Chunk {c} did not come back from the workers.");
            var state = Borrow();
            state.Stats.Begin(parameters);
            StatisticsTransfer.Import(state.Stats, o.Statistics);
            _chunkSum[c] = o.LogLikelihood;
            _chunkRLogR[c] = o.ResponsibilityLogSum;
            var worst = _worst[c];
            worst.Clear();
            for (int i = 0; i < o.WorstRows.Length; i++) worst.Offer(o.WorstScores[i], o.WorstRows[i]);
            Finish(c, state);
        }
        Remote.Merged(clock.Elapsed);
        return SumInChunkOrder(_chunkSum);
    }
}
