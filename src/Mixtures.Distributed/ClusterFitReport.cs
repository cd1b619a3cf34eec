namespace Mixtures.Distributed;

/// <summary>
/// What a distributed fit did: the workers that computed chunks, the chunks of the plan, how many chunk
/// computations were issued again after a worker failed, and where the time went (summed over the passes).
/// </summary>
/// <param name="Nodes">Distinct worker silos that returned chunk statistics.</param>
/// <param name="Chunks">Chunks in the plan (each pass computes every one once).</param>
/// <param name="Retries">Chunk computations issued again to a live worker after their worker failed.</param>
/// <param name="Passes">EM passes run on the cluster.</param>
/// <param name="ComputeSeconds">Per pass, the longest time a worker spent computing, summed over passes.</param>
/// <param name="TransferSeconds">Per pass, the rest of the wait for the workers (serialization, network, queueing), summed.</param>
/// <param name="MergeSeconds">Time the coordinator spent loading and merging chunk statistics in chunk order.</param>
public sealed record ClusterFitReport(int Nodes, int Chunks, int Retries, int Passes, double ComputeSeconds, double TransferSeconds, double MergeSeconds);

/// <summary>One pass of a distributed fit, as progress reports it.</summary>
/// <param name="Pass">1-based pass number within the fit (iterations of every restart, counted together).</param>
/// <param name="Workers">Worker silos that took part in this pass.</param>
/// <param name="Seconds">Wall time of the pass, from sending the model to the end of the merge.</param>
/// <param name="ComputeSeconds">The longest time one worker spent computing.</param>
/// <param name="TransferSeconds">The rest of the wait for the workers.</param>
/// <param name="MergeSeconds">Loading and merging the chunk statistics.</param>
/// <param name="Retries">Chunk computations issued again so far in this fit.</param>
public sealed record ClusterPass(int Pass, int Workers, double Seconds, double ComputeSeconds, double TransferSeconds, double MergeSeconds, int Retries);
