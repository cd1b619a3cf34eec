namespace Mixtures.Distributed;

/// <summary>
/// The rows of a distributed fit as every node names them: a file path that is the same on every node
/// (shared storage, or the local file system on one machine), the feature columns and the weights column.
/// Each worker opens it with the opener it was started with (<see cref="WorkerHosting.AddMixturesWorker"/>).
/// </summary>
/// <param name="Path">The data file, the same path on every node.</param>
/// <param name="Columns">Feature columns by name, or null for all.</param>
/// <param name="WeightsColumn">The column of per-row sample weights, or null.</param>
[GenerateSerializer, Immutable]
public sealed record ClusterData(
    [property: Id(0)] string Path,
    [property: Id(1)] string[]? Columns = null,
    [property: Id(2)] string? WeightsColumn = null);
