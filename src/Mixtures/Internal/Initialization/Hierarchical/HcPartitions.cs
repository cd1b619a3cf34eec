namespace Mixtures.Internal.Initialization.Hierarchical;

/// <summary>Partitions from a merge sequence: the first N - G merges, clusters numbered by first appearance along the rows.</summary>
internal static class HcPartitions
{
    /// <summary>Labels 0..G-1 of the N rows after applying merges (i, j): j's cluster into i's (smallest members).</summary>
    public static int[] Cut((int I, int J)[] pairs, int n, int g)
    {
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        int Find(int a)
        {
            while (parent[a] != a) a = parent[a] = parent[parent[a]];
            return a;
        }
        for (int s = 0; s < n - g; s++) parent[Find(pairs[s].J)] = Find(pairs[s].I);
        var number = new Dictionary<int, int>();
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int root = Find(i);
            if (!number.TryGetValue(root, out int label)) number[root] = label = number.Count;
            labels[i] = label;
        }
        return labels;
    }
}
