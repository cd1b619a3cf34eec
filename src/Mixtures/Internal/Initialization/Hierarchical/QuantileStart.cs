namespace Mixtures.Internal.Initialization.Hierarchical;

/// <summary>
/// mclust's start for one feature (its qclass): cut at the type-7 sample quantiles 0, 1/G, ..., 1, the outer
/// cut points moved out by sd(x) sqrt(eps); q_j &lt;= x &lt; q_{j+1} is class j. When quantiles repeat (tied
/// values), finer grids 0, 1/(G+1), ... are tried until G + 1 distinct cut points exist, and the lower ends of
/// the narrowest gaps are then dropped until G + 1 remain. Quantiles are computed as R computes them
/// ((1 - h) x_lo + h x_hi, probabilities i / (n - 1) with the last exactly 1), so that the cut points, and hence
/// the classes, are mclust's.
/// </summary>
internal static class QuantileStart
{
    public static int[] Classes(double[,] x, int g)
    {
        int n = x.GetLength(0);
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = x[i, 0];
        var sorted = (double[])v.Clone();
        Array.Sort(sorted);
        double mean = v.Average(), ss = 0;
        foreach (double t in v) ss += (t - mean) * (t - mean);
        double eps = Math.Sqrt(ss / (n - 1)) * Math.Sqrt(Math.Pow(2, -52));
        List<double> q = [];
        for (int points = g + 1; q.Count < g + 1; points++)
        {
            if (points > n + g + 1) throw new ArgumentException($"One feature with fewer than {g} distinct values cannot start {g} components.", "x");
            q = Quantiles(sorted, points).Distinct().ToList();   // unique() keeps the first of equal values, in order
        }
        if (q.Count > g + 1)
        {
            // R's q[-order(diff(q))[1:nr]]: order is stable, so equal gaps go in index order.
            int drop = q.Count - g - 1;
            var gaps = Enumerable.Range(0, q.Count - 1).OrderBy(i => q[i + 1] - q[i]).Take(drop).ToHashSet();
            q = q.Where((_, i) => !gaps.Contains(i)).ToList();
        }
        q[0] = sorted[0] - eps;
        q[^1] = sorted[^1] + eps;
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int c = 0;
            while (c < g - 1 && v[i] >= q[c + 1]) c++;
            labels[i] = c;
        }
        return labels;
    }

    /// <summary>R's quantile(x, seq(0, 1, length = points)), type 7, of sorted values.</summary>
    static IEnumerable<double> Quantiles(double[] sorted, int points)
    {
        int n = sorted.Length;
        double by = 1.0 / (points - 1);
        for (int j = 0; j < points; j++)
        {
            double p = j == points - 1 ? 1 : j * by;
            double index = 1 + (n - 1) * p;   // R's 1-based index, rounded as R rounds it
            int lo = (int)Math.Floor(index), hi = (int)Math.Ceiling(index);
            double q = sorted[lo - 1];
            if (index > lo && sorted[hi - 1] != q)
            {
                double h = index - lo;
                q = (1 - h) * q + h * sorted[hi - 1];
            }
            yield return q;
        }
    }
}
