using Mixtures.Data;

namespace Mixtures.Files;

/// <summary>
/// What the tables decoded block by block share (Parquet row groups, Arrow record batches): the first row of
/// every block, the numeric-column check of <see cref="Select(IReadOnlyList{int}, int)"/>, and the row source over the blocks.
/// </summary>
public abstract class BlockedTable : ITableFile
{
    private protected BlockedTable(string path, IReadOnlyList<string> columnNames, long[] starts)
    {
        Path = path;
        ColumnNames = columnNames;
        Starts = starts;
    }

    /// <summary>The first row of every block, then the row count.</summary>
    private protected long[] Starts { get; }

    /// <inheritdoc/>
    public string Path { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <inheritdoc/>
    public long RowCount => Starts[^1];

    /// <inheritdoc/>
    public IRowSource Select(IReadOnlyList<int> featureColumns, int weightsColumn = -1) => Select(featureColumns, weightsColumn, null);

    /// <summary>
    /// As <see cref="Select(IReadOnlyList{int}, int)"/>, for sources read in many passes (an EM fit): each block is
    /// decoded once, in the first pass, and also written to a temporary binary file in <paramref name="cacheDirectory"/>
    /// (N x D doubles, plus N weights); later passes read rows from there with positioned reads, as from a .npy file.
    /// On Unix the file is unlinked when created, so nothing is left behind on any exit; dispose the source to free
    /// its space earlier.
    /// </summary>
    /// <param name="featureColumns">Feature columns by index into <see cref="ColumnNames"/>.</param>
    /// <param name="weightsColumn">The weights column, or -1.</param>
    /// <param name="cacheDirectory">Where the cache file goes (null: no cache, every pass decodes).</param>
    public IRowSource Select(IReadOnlyList<int> featureColumns, int weightsColumn, string? cacheDirectory)
    {
        var cols = featureColumns.ToArray();
        foreach (int j in weightsColumn >= 0 ? cols.Append(weightsColumn) : cols)
            if (NonNumericType(j) is { } type)
                throw new TableFormatException(Path, null, ColumnNames[j], $"is not a numeric column ({type}); pick numeric columns with --columns.");
        return new BlockedRowSource(Starts, cols.Length, weightsColumn >= 0, () => CreateDecoder(cols, weightsColumn), cacheDirectory);
    }

    /// <summary>The format's type of a column that cannot be read as numbers (for example "Arrow type Utf8"), or null.</summary>
    private protected abstract string? NonNumericType(int column);

    /// <summary>A decoder of the chosen columns for one reader.</summary>
    private protected abstract IBlockDecoder CreateDecoder(int[] features, int weights);

    /// <inheritdoc/>
    public void Dispose() { }
}
