namespace Mixtures.Internal.Initialization.Hierarchical;

/// <summary>
/// mclust's default start (its Mclust initialization): for one feature the quantile classes; otherwise the
/// VVV agglomeration of the SVD-transformed rows (EII's, Ward's, when N &lt;= D), on a random subset of
/// <see cref="SubsetSize"/> rows when N is larger. hc is O(N^2) in memory and O(N^3) in time, which is why mclust subsets.
/// </summary>
internal static class HierarchicalStart
{
    /// <summary>mclust's <c>subset</c> size of <c>hcControl</c> / <c>Mclust</c>.</summary>
    public const int SubsetSize = 2000;

    /// <summary>The rows hc runs on: all (null), or <see cref="SubsetSize"/> rows drawn with the seed, in draw order.</summary>
    public static int[]? Subset(int n, int seed)
    {
        if (n <= SubsetSize) return null;
        var rows = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(rows);
        return rows[..SubsetSize];
    }

    /// <summary>The merge sequence of the rows of x (or of <paramref name="subset"/>, positions in it).</summary>
    public static (int I, int J)[] Pairs(double[,] x, int[]? subset)
    {
        int n = subset?.Length ?? x.GetLength(0), d = x.GetLength(1);
        var z = HcTransform.Svd(x, subset);
        return n > d ? HcAgglomeration.Merge(z, n, d) : HcAgglomeration.MergeEii(z, n, d);
    }

    /// <summary>Starting labels for K components: of every row, or of the subset's rows when there is one.</summary>
    public static int[] Labels(double[,] x, int k, int[]? subset, (int I, int J)[]? pairs = null)
    {
        if (x.GetLength(1) == 1) return QuantileStart.Classes(x, k);
        pairs ??= Pairs(x, subset);
        return HcPartitions.Cut(pairs, subset?.Length ?? x.GetLength(0), k);
    }
}
