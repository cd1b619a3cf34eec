using System.Diagnostics;
using Mixtures.Distributed.Protocol;

namespace Mixtures.Distributed.Worker;

/// <summary>
/// The worker grain: opens the job's rows once (through <see cref="WorkerJobs"/>, which outlives the
/// activation) and runs the library's own pass over the requested chunks on the thread pool, so the
/// silo's scheduler is not blocked while the statistics are computed.
/// </summary>
[SiloPinnedPlacement]
internal sealed class EmWorkerGrain(WorkerJobs jobs) : Grain, IEmWorkerGrain
{
    public async Task<PassReply> Compute(PassRequest request)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.Run(() => jobs.Run(request));
        var results = new ChunkResult[outcomes.Count];
        for (int i = 0; i < results.Length; i++)
        {
            var o = outcomes[i];
            results[i] = new ChunkResult(o.Chunk, o.Statistics, o.LogLikelihood, o.ResponsibilityLogSum, o.WorstScores, o.WorstRows);
        }
        return new PassReply(results, clock.Elapsed.TotalSeconds);
    }

    public Task<bool> Ping() => Task.FromResult(true);
}
