using Mixtures.Data;
using Mixtures.Distributed.Protocol;
using Mixtures.Internal.Remote;

namespace Mixtures.Distributed.Worker;

/// <summary>
/// The rows and pass state of the jobs a silo works on, kept across grain activations: a job's file is
/// opened on its first request and kept for its next passes. A few recent jobs are kept (fits from
/// several coordinators at once); older ones are closed.
/// </summary>
internal sealed class WorkerJobs(WorkerOptions options) : IDisposable
{
    const int KeptJobs = 4;
    readonly object _gate = new();
    readonly LinkedList<(Guid Job, IRowSource Rows, ChunkPassWorker Worker, SemaphoreSlim Lock)> _jobs = new();

    public IReadOnlyList<ChunkOutcome> Run(PassRequest request)
    {
        var (_, _, worker, gate) = Get(request);
        gate.Wait();
        try
        {
            return worker.Run(request.Model, request.Chunks, CancellationToken.None);
        }
        finally
        {
            gate.Release();
        }
    }

    (Guid, IRowSource, ChunkPassWorker, SemaphoreSlim) Get(PassRequest request)
    {
        lock (_gate)
        {
            for (var node = _jobs.First; node is not null; node = node.Next)
                if (node.Value.Job == request.Job)
                {
                    _jobs.Remove(node);
                    _jobs.AddFirst(node);
                    return node.Value;
                }
        }
        var rows = options.Open(request.Data);
        if (rows.Rows != request.Rows || rows.Features != request.Features)
        {
            (rows as IDisposable)?.Dispose();
            throw new InvalidDataException(
                $"{request.Data.Path} on this worker has {rows.Rows} rows x {rows.Features} columns, the coordinator's has {request.Rows} x {request.Features}: every node must read the same file.");
        }
        var entry = (request.Job, rows, new ChunkPassWorker(rows, options.MaxThreads), new SemaphoreSlim(1));
        lock (_gate)
        {
            _jobs.AddFirst(entry);
            while (_jobs.Count > KeptJobs)
            {
                var old = _jobs.Last!.Value;
                _jobs.RemoveLast();
                Close(old);
            }
        }
        return entry;
    }

    static void Close((Guid Job, IRowSource Rows, ChunkPassWorker Worker, SemaphoreSlim Lock) job)
    {
        job.Lock.Wait();
        job.Worker.Dispose();
        (job.Rows as IDisposable)?.Dispose();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var job in _jobs) Close(job);
            _jobs.Clear();
        }
    }
}
