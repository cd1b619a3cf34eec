namespace Mixtures.Data;

/// <summary>
/// Rows to fit: a fixed number of rows of D features with optional weights, read in contiguous ranges.
/// A fit reads the rows in fixed chunks that depend on the row count only, so every source gives the
/// same sums in the same order: an in-memory array and a file streamed in passes fit bit-identically.
/// Sources are read by several workers at once, each through its own <see cref="IRowReader"/> (a
/// file-backed source gives each reader its own handle and buffer).
/// </summary>
public interface IRowSource
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
public interface IRowReader : IDisposable
{
    /// <summary>
    /// Rows [<paramref name="first"/>, <paramref name="first"/> + <paramref name="count"/>) as row-major values
    /// and their weights (empty when the source has none). Valid until the next call on this reader.
    /// A fit asks for at most 8192 rows at a time, so a streamed source needs a buffer of that size.
    /// </summary>
    RowRange Read(long first, int count);
}

/// <summary>A range of rows: <see cref="Values"/> holds count x D doubles, <see cref="Weights"/> count weights or none.</summary>
/// <param name="values">count x D values, row-major.</param>
/// <param name="weights">count weights, or empty for all 1.</param>
public readonly ref struct RowRange(ReadOnlySpan<double> values, ReadOnlySpan<double> weights)
{
    /// <summary>count x D values, row-major.</summary>
    public ReadOnlySpan<double> Values { get; } = values;

    /// <summary>count weights, or empty when every weight is 1.</summary>
    public ReadOnlySpan<double> Weights { get; } = weights;

    /// <summary>The weight of row <paramref name="r"/> of the range.</summary>
    public double Weight(int r) => Weights.IsEmpty ? 1.0 : Weights[r];
}
