namespace Mixtures.Internal;

/// <summary>Counts distinct rows with positive weight, stopping once <c>limit</c> are found (usually at once).</summary>
internal static class DistinctRows
{
    public static int CountUpTo(double[,] x, double[]? w, int limit)
    {
        int n = x.GetLength(0);
        var seen = new HashSet<RowKey>();
        for (int i = 0; i < n && seen.Count < limit; i++)
            if ((w?[i] ?? 1.0) > 0) seen.Add(new RowKey(x, i));
        return seen.Count;
    }

    readonly struct RowKey(double[,] x, int row) : IEquatable<RowKey>
    {
        public bool Equals(RowKey other) => MatrixSpan.Rows(x, row, 1).SequenceEqual(MatrixSpan.Rows(other.X, other.Row, 1));
        public override bool Equals(object? obj) => obj is RowKey k && Equals(k);
        public override int GetHashCode()
        {
            var h = new HashCode();
            foreach (double v in MatrixSpan.Rows(x, row, 1)) h.Add(v);
            return h.ToHashCode();
        }
        double[,] X => x;
        int Row => row;
    }
}
