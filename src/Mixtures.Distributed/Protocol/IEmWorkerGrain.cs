namespace Mixtures.Distributed.Protocol;

/// <summary>
/// One per worker silo (its key is the silo's address, <see cref="SiloPinnedPlacement"/> keeps it there):
/// computes the sufficient statistics of some chunks of the plan under the model it is sent.
/// </summary>
public interface IEmWorkerGrain : IGrainWithStringKey
{
    /// <summary>The outcomes of the requested chunks.</summary>
    Task<PassReply> Compute(PassRequest request);

    /// <summary>Answers at once, also while <see cref="Compute"/> runs: the coordinator's liveness check.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<bool> Ping();
}

/// <summary>One pass's work for one worker.</summary>
/// <param name="Job">Identifies the fit: a worker keeps its open rows per job.</param>
/// <param name="Data">Where the rows are.</param>
/// <param name="Rows">Rows the coordinator sees (the worker checks its copy has as many).</param>
/// <param name="Features">Features the coordinator sees.</param>
/// <param name="Model">The current parameters, as a model file (restored bit for bit).</param>
/// <param name="Chunks">The chunks of the plan to compute.</param>
[GenerateSerializer, Immutable]
public sealed record PassRequest(
    [property: Id(0)] Guid Job,
    [property: Id(1)] ClusterData Data,
    [property: Id(2)] long Rows,
    [property: Id(3)] int Features,
    [property: Id(4)] string Model,
    [property: Id(5)] int[] Chunks);

/// <summary>A worker's answer: one result per requested chunk and the seconds it spent computing them.</summary>
[GenerateSerializer, Immutable]
public sealed record PassReply(
    [property: Id(0)] ChunkResult[] Chunks,
    [property: Id(1)] double ComputeSeconds);

/// <summary>One chunk's sufficient statistics (flattened), log-likelihood sum, sum of w r ln r and worst rows.</summary>
[GenerateSerializer, Immutable]
public sealed record ChunkResult(
    [property: Id(0)] int Chunk,
    [property: Id(1)] double[] Statistics,
    [property: Id(2)] double LogLikelihood,
    [property: Id(3)] double ResponsibilityLogSum,
    [property: Id(4)] double[] WorstScores,
    [property: Id(5)] int[] WorstRows);
