using System.Diagnostics;
using Mixtures.Distributed.Protocol;
using Mixtures.Internal.Remote;
using Mixtures.Serialization;
using Orleans.Runtime;

namespace Mixtures.Distributed.Coordinator;

/// <summary>
/// Runs each EM pass of a fit on the live worker silos: the chunks are split into contiguous runs, one per
/// silo; the current model goes out once per silo, the chunk outcomes come back. A silo whose call fails or
/// that the cluster no longer lists as active loses its chunks to the remaining silos (counted as retries)
/// and takes no further part in the fit. No live silo left: <see cref="ClusterUnavailableException"/>.
/// </summary>
internal sealed class ClusterPasses<TParams>(MixtureCluster cluster, FitSession session, Guid job, ClusterData data,
    Func<TParams, MixtureModel> toModel, long rows, int features, int chunks) : IRemotePasses<TParams> where TParams : class
{
    readonly HashSet<string> _failed = [];
    IReadOnlyList<string>? _silos;
    readonly Stopwatch _clock = new();
    double _compute, _transfer;
    int _workers;
    List<string> _used = [];
    double _lastPassSeconds = double.NaN;

    /// <summary>
    /// How long a call may run on a silo that still answers pings before its chunks are issued again. A reply can
    /// be lost without its silo dying (the client's route to it went through a gateway that died), and then only
    /// the call timeout would end the wait. Issuing the chunks again is safe: each chunk's statistics are the same
    /// bits wherever they are computed, and the late reply is ignored. Four times the last pass, at least 15 s;
    /// 60 s before any pass has finished.
    /// </summary>
    TimeSpan StallLimit => TimeSpan.FromSeconds(double.IsNaN(_lastPassSeconds) ? 60 : Math.Max(15, 4 * _lastPassSeconds));

    public IReadOnlyList<ChunkOutcome> Run(TParams parameters, CancellationToken ct) =>
        RunAsync(parameters, ct).GetAwaiter().GetResult();

    async Task<IReadOnlyList<ChunkOutcome>> RunAsync(TParams parameters, CancellationToken ct)
    {
        _clock.Restart();
        string model = MixtureModelJson.ToJson(toModel(parameters));
        var outcomes = new List<ChunkOutcome>(chunks);
        var pending = Enumerable.Range(0, chunks).ToList();
        double compute = 0;
        var used = new HashSet<string>();
        while (pending.Count > 0)
        {
            // The silos are listed once per fit: the management grain may live on a silo that dies later.
            _silos ??= await LiveSilos(ct);
            var live = _silos.Where(s => !_failed.Contains(s)).ToList();
            if (live.Count == 0)
                throw new ClusterUnavailableException(_failed.Count == 0
                    ? "The cluster has no live worker silo."
                    : $"No live worker is left: {_failed.Count} failed during the fit.");
            var calls = new List<(string Silo, int[] Chunks, Task<PassReply> Reply)>();
            int parts = Math.Min(live.Count, pending.Count);
            for (int i = 0; i < parts; i++)
            {
                int from = pending.Count * i / parts, to = pending.Count * (i + 1) / parts;
                var share = pending.GetRange(from, to - from).ToArray();
                var grain = cluster.Client.GetGrain<IEmWorkerGrain>(live[i]);
                calls.Add((live[i], share, grain.Compute(new PassRequest(job, data, rows, features, model, share))));
            }
            pending.Clear();
            var issued = Stopwatch.StartNew();
            double roundCompute = 0;
            var open = calls.ToList();
            while (open.Count > 0)
            {
                var done = await Task.WhenAny(Task.WhenAny(open.Select(c => c.Reply)), Task.Delay(cluster.Options.LivenessPeriod, ct));
                ct.ThrowIfCancellationRequested();
                var running = open.Where(c => !c.Reply.IsCompleted).ToList();
                var pings = running.Count == 0 || done != null && open.Any(c => c.Reply.IsCompleted) ? null
                    : running.Select(c => (c, Alive(c.Silo, ct))).ToList();
                foreach (var call in open.ToList())
                {
                    if (!call.Reply.IsCompleted) continue;
                    open.Remove(call);
                    if (call.Reply.IsCompletedSuccessfully)
                    {
                        var reply = call.Reply.Result;
                        roundCompute = Math.Max(roundCompute, reply.ComputeSeconds);
                        used.Add(call.Silo);
                        foreach (var r in reply.Chunks)
                            outcomes.Add(new ChunkOutcome(r.Chunk, r.Statistics, r.LogLikelihood, r.ResponsibilityLogSum, r.WorstScores, r.WorstRows));
                        continue;
                    }
                    var error = call.Reply.Exception!.GetBaseException();
                    if (!IsNodeFailure(error)) throw new InvalidOperationException($"Worker {call.Silo} failed: {error.Message}", error);
                    Fail(call.Silo, call.Chunks, pending);
                }
                if (pings is null) continue;
                // Still running: does its silo still answer? (A killed process never replies.)
                foreach (var (call, alive) in pings)
                {
                    if (call.Reply.IsCompleted) continue;
                    bool answers = await alive;
                    if (answers && issued.Elapsed < StallLimit) continue;
                    open.Remove(call);
                    _ = call.Reply.ContinueWith(t => t.Exception, TaskScheduler.Default);   // observed: its late reply or failure is expected
                    if (answers)
                    {
                        // The silo lives but its reply is overdue: issue the chunks again, the silo stays in the fit.
                        pending.AddRange(call.Chunks);
                        session.AddRetries(call.Chunks.Length);
                    }
                    else Fail(call.Silo, call.Chunks, pending);
                }
            }
            compute += roundCompute;
            pending.Sort();
        }
        double wall = _clock.Elapsed.TotalSeconds;
        _lastPassSeconds = wall;
        _compute = compute;
        _transfer = Math.Max(0, wall - compute);
        _workers = used.Count;
        _used = [.. used];
        return outcomes;
    }

    void Fail(string silo, int[] share, List<int> pending)
    {
        _failed.Add(silo);
        pending.AddRange(share);
        session.AddRetries(share.Length);
    }

    /// <summary>Connection and membership failures move the work elsewhere; anything else (a wrong file) fails the fit.</summary>
    static bool IsNodeFailure(Exception e) =>
        e is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException or System.Net.Sockets.SocketException or IOException
        || e is OrleansException;

    /// <summary>Whether the silo's worker grain answers a ping in time.</summary>
    async Task<bool> Alive(string silo, CancellationToken ct)
    {
        try
        {
            return await cluster.Client.GetGrain<IEmWorkerGrain>(silo).Ping().WaitAsync(cluster.Options.PingTimeout, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    async Task<IReadOnlyList<string>> LiveSilos(CancellationToken ct)
    {
        try
        {
            var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)
                .WaitAsync(cluster.Options.CallTimeout < TimeSpan.FromSeconds(30) ? cluster.Options.CallTimeout : TimeSpan.FromSeconds(30), ct);
            return hosts.Keys.Select(s => s.ToParsableString()).OrderBy(s => s, StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw new ClusterUnavailableException($"The cluster does not answer: {e.GetBaseException().Message}", e);
        }
    }

    public void Merged(TimeSpan elapsed)
    {
        double merge = elapsed.TotalSeconds;
        int pass = session.Record(_used, _compute, _transfer, merge);
        session.Progress?.Report(new ClusterPass(pass, _workers, _clock.Elapsed.TotalSeconds, _compute, _transfer, merge, session.Retries));
    }
}
