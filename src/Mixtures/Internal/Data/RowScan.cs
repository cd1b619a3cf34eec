using Mixtures.Data;

namespace Mixtures.Internal.Data;

/// <summary>Sequential passes over a source, in row order: sums taken this way equal a plain loop over the rows.</summary>
internal static class RowScan
{
    /// <summary>Receives rows [first, first + count).</summary>
    public delegate void RangeVisitor(long first, int count, RowRange range);

    /// <summary>Every row of <paramref name="source"/> in order, in ranges of at most <see cref="ChunkPlan.SlabRows"/>.</summary>
    public static void InOrder(IRowSource source, RangeVisitor visit)
    {
        using var reader = ReadAheadReader.Open(source, _ => source.Rows);
        for (long first = 0; first < source.Rows; first += ChunkPlan.SlabRows)
        {
            // Data checks and the initial labelling of millions of rows take seconds: stop between slabs.
            FitCancellation.ThrowIfRequested();
            int count = (int)Math.Min(ChunkPlan.SlabRows, source.Rows - first);
            visit(first, count, reader.Read(first, count));
        }
    }
}
