namespace Mixtures.Internal.Initialization.Hierarchical;

/// <summary>
/// mclust's start for one feature (its qclass): cut at the type-7 sample quantiles 0, 1/G, ..., 1, the outer
/// cut points moved out by sd(x) sqrt(eps); q_j &lt;= x &lt; q_{j+1} is class j. (mclust retries finer grids when
/// quantiles repeat; here a repeated quantile leaves an empty class, which the fit then reports.)
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
        double shift = Math.Sqrt(ss / (n - 1)) * Math.Sqrt(Math.Pow(2, -52));
        var q = new double[g + 1];
        for (int j = 0; j <= g; j++)
        {
            double h = (n - 1) * (double)j / g;
            int lo = (int)Math.Floor(h);
            q[j] = lo + 1 < n ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[n - 1];
        }
        q[0] -= shift;
        q[g] += shift;
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            int c = 0;
            while (c < g - 1 && v[i] >= q[c + 1]) c++;
            labels[i] = c;
        }
        return labels;
    }
}
