namespace Mixtures.Internal.Data;

/// <summary>
/// Where the EM loop reads its rows: a fixed number of rows of D features with optional weights, read
/// in contiguous ranges. The chunk plan (<see cref="ChunkPlan"/>) depends on the row count only, so
/// every source gives the same sums in the same order: an in-memory array, a file streamed in passes or
/// a shard on another machine fit bit-identically. Sources are read by several workers at once, each
/// through its own <see cref="IRowReader"/> (a file-backed source gives each its own handle and buffer).
/// </summary>
internal interface IRowSource
{
    /// <summary>Number of rows N.</summary>
    long Rows { get; }

    /// <summary>Number of features D.</summary>
    int Features { get; }

    /// <summary>Whether rows carry weights (otherwise every weight is 1).</summary>
    bool Weighted { get; }

    /// <summary>A reader for one worker; dispose it when done.</summary>
    IRowReader OpenReader();
}

/// <summary>Reads ranges of rows for one worker at a time.</summary>
internal interface IRowReader : IDisposable
{
    /// <summary>
    /// Rows [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) as row-major values
    /// and their weights (empty when the source has none). Valid until the next call on this reader.
    /// </summary>
    RowRange Read(long first, int count);
}

/// <summary>A range of rows: <see cref="Values"/> holds count x D doubles, <see cref="Weights"/> count weights or none.</summary>
internal readonly ref struct RowRange(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
{
    public ReadOnlySpan<double> Values { get; } = values;
    public ReadOnlySpan<double> Weights { get; } = weights;

    /// <summary>The weight of row <paramref name="r"/> of the range.</summary>
    public double Weight(int r) => Weights.IsEmpty ? 1.0 : Weights[r];
}
