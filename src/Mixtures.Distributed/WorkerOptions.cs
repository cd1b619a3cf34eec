using Mixtures.Data;

namespace Mixtures.Distributed;

/// <summary>How a worker silo opens the rows a fit names, and how many threads its passes use.</summary>
public sealed class WorkerOptions
{
    /// <summary>Opens the rows of <see cref="ClusterData"/> on this node (the CLI opens .npy, Parquet and Arrow files).</summary>
    public required Func<ClusterData, IRowSource> Open { get; init; }

    /// <summary>Threads per pass on this worker; null: one per core.</summary>
    public int? MaxThreads { get; init; }
}
