using System.Numerics.Tensors;

namespace Mixtures.Internal.Initialization.Hierarchical;

/// <summary>
/// Model-based agglomerative clustering (Banfield and Raftery 1993; Fraley 1998) as mclust's <c>hc</c> runs it,
/// from singletons, so that the merge sequence is mclust's, ties included.
/// <para>
/// Criterion (VVV): a cluster of l points with scatter W costs
/// l ln(beta (tr W + alpha) / l) while l &lt;= D, and l ln(det(W / l) + beta (tr W + alpha) / l) beyond
/// (l ln(alpha beta / l) when tr W = 0), with alpha = tr(scatter of all rows) / (N D), beta = 1; a merge costs the
/// change of the sum. EII (used when N &lt;= D) is Ward's: the merge of i and j costs n_i n_j / (n_i + n_j) |m_i - m_j|^2.
/// </para>
/// <para>
/// Order, which decides between equal costs (duplicate rows tie exactly): clusters sit at positions 0..G-1, and the
/// pair costs are kept in the packed lower triangle (pair (i, j), i &lt; j, at j (j - 1) / 2 + i). Each step merges
/// the <em>last</em> minimum in that packed order; the merged cluster takes position i, and the cluster at the last
/// position G - 1 moves to position j. Then only the costs of the merged cluster are recomputed.
/// </para>
/// O(N^2) memory (the packed costs) and O(N^2) cost evaluations; the minimum is kept per column
/// (<see cref="ColumnMinima"/>), so a merge costs O(N) besides the columns it changes. mclust runs it on at most 2000 rows.
/// </summary>
internal static class HcAgglomeration
{
    sealed class Cluster(int d, bool scatter)
    {
        public int N;
        public int First;   // smallest member (row), for the merge pairs
        public readonly double[] Mean = new double[d];
        public readonly double[]? W = scatter ? new double[d * d] : null;
        public double Trace;
        public double Term;
    }

    /// <summary>The N - 1 merges (i, j), i &lt; j the smallest members, by mclust's VVV criterion, of the rows of <paramref name="z"/> (N x D, flat).</summary>
    public static (int I, int J)[] Merge(double[] z, int n, int d) => Run(z, n, d, vvv: true);

    /// <summary>The N - 1 merges by EII's criterion (Ward's), which mclust uses when N &lt;= D.</summary>
    public static (int I, int J)[] MergeEii(double[] z, int n, int d) => Run(z, n, d, vvv: false);

    static (int I, int J)[] Run(double[] z, int n, int d, bool vvv)
    {
        if (n < 2) return [];
        var crit = new Criterion(Alpha(z, n, d), d, vvv);
        var pos = new Cluster?[n];
        for (int i = 0; i < n; i++)
        {
            var c = new Cluster(d, vvv) { N = 1, First = i };
            z.AsSpan(i * d, d).CopyTo(c.Mean);
            c.Term = crit.Singleton;
            pos[i] = c;
        }
        var cost = new double[(long)n * (n - 1) / 2];
        long at = 0;
        for (int j = 1; j < n; j++)
        {
            FitCancellation.ThrowIfRequested();
            for (int i = 0; i < j; i++) cost[at++] = crit.Delta(pos[i]!, pos[j]!);
        }
        var columns = new ColumnMinima(cost, n);
        var pairs = new (int, int)[n - 1];
        var (bi, bj) = columns.Last(n);
        for (int s = 0, g = n; s < n - 1; s++, g--)
        {
            FitCancellation.ThrowIfRequested();
            Cluster a = pos[bi]!, b = pos[bj]!;
            pairs[s] = (Math.Min(a.First, b.First), Math.Max(a.First, b.First));
            var merged = crit.Combine(a, b);
            int last = g - 1;
            if (bj != last)
            {
                pos[bj] = pos[last];
                for (int k = 0; k < last; k++)
                    if (k != bj) columns.Set(k, bj, cost[Index(k, last)], rescanLater: k < bj);
                columns.Rescan(bj);
            }
            pos[last] = null;
            pos[bi] = merged;
            int left = g - 1;
            if (left == 1) break;
            for (int k = 0; k < left; k++)
                if (k != bi) columns.Set(k, bi, k < bi ? crit.Delta(pos[k]!, merged) : crit.Delta(merged, pos[k]!), rescanLater: k < bi);
            if (bi > 0) columns.Rescan(bi);
            (bi, bj) = columns.Last(left);
        }
        return pairs;
    }

    /// <summary>
    /// The packed pair costs with, per column j, the minimum over rows i &lt; j and the last row holding it: the last
    /// minimum in packed order is then the last column holding the smallest column minimum, found in O(G) per merge
    /// instead of a scan of all G^2 / 2 costs (mclust's scan, same result).
    /// </summary>
    sealed class ColumnMinima
    {
        readonly double[] cost;
        readonly double[] min;
        readonly int[] arg;

        public ColumnMinima(double[] cost, int n)
        {
            this.cost = cost;
            min = new double[n];
            arg = new int[n];
            for (int j = 1; j < n; j++) Rescan(j);
        }

        /// <summary>Sets the cost of pair (a, b); a column whose every row changes is rescanned once afterwards instead.</summary>
        public void Set(int a, int b, double value, bool rescanLater)
        {
            int i = Math.Min(a, b), j = Math.Max(a, b);
            cost[Index(i, j)] = value;
            if (rescanLater) return;
            if (i == arg[j])
            {
                if (value <= min[j]) min[j] = value;
                else Rescan(j);
            }
            else if (value < min[j] || value == min[j] && i > arg[j])
            {
                min[j] = value;
                arg[j] = i;
            }
        }

        public void Rescan(int j)
        {
            var column = cost.AsSpan(checked((int)Index(0, j)), j);
            double m = TensorPrimitives.Min(column);
            min[j] = m;
            arg[j] = column.LastIndexOf(m);
        }

        /// <summary>The pair of the last minimum in packed order among G clusters (mclust's "<c>.le.</c>" scan).</summary>
        public (int I, int J) Last(int g)
        {
            int best = 1;
            for (int j = 2; j < g; j++)
                if (min[j] <= min[best]) best = j;
            return (arg[best], best);
        }
    }

    static long Index(int a, int b) => a < b ? (long)b * (b - 1) / 2 + a : (long)a * (a - 1) / 2 + b;

    /// <summary>alpha = tr(scatter) / (N D), as mclust's <c>traceW(x / sqrt(N D))</c>, at least machine epsilon.</summary>
    static double Alpha(double[] z, int n, int d)
    {
        double trace = 0;
        for (int j = 0; j < d; j++)
        {
            double m = 0;
            for (int i = 0; i < n; i++) m += z[i * d + j];
            m /= n;
            for (int i = 0; i < n; i++) trace += (z[i * d + j] - m) * (z[i * d + j] - m);
        }
        return Math.Max(trace / ((double)n * d), Math.Pow(2, -52));
    }

    sealed class Criterion(double alpha, int d, bool vvv)
    {
        const double Beta = 1;
        readonly double[] w = new double[d * d];
        readonly double[] diff = new double[d];

        public double Singleton => vvv ? Math.Log(Beta * alpha) : 0;

        /// <summary>The cost of merging a and b.</summary>
        public double Delta(Cluster a, Cluster b)
        {
            int l = a.N + b.N;
            double f = (double)a.N * b.N / l, ss = 0;
            for (int k = 0; k < d; k++)
            {
                diff[k] = a.Mean[k] - b.Mean[k];
                ss += diff[k] * diff[k];
            }
            if (!vvv) return f * ss;
            double trace = (a.Trace + b.Trace) + f * ss;
            if (l > d && trace != 0) Scatter(a, b, f, w);
            return Term(l, trace, w) - (a.Term + b.Term);
        }

        public Cluster Combine(Cluster a, Cluster b)
        {
            int l = a.N + b.N;
            var c = new Cluster(d, vvv) { N = l, First = Math.Min(a.First, b.First) };
            double f = (double)a.N * b.N / l, ss = 0;
            for (int k = 0; k < d; k++)
            {
                c.Mean[k] = (a.N * a.Mean[k] + b.N * b.Mean[k]) / l;
                diff[k] = a.Mean[k] - b.Mean[k];
                ss += diff[k] * diff[k];
            }
            if (!vvv) return c;
            c.Trace = (a.Trace + b.Trace) + f * ss;
            Scatter(a, b, f, c.W!);
            c.Term = Term(l, c.Trace, c.W!);
            return c;
        }

        /// <summary>W_a + W_b + f (m_a - m_b)(m_a - m_b)^T, with <see cref="diff"/> already m_a - m_b.</summary>
        void Scatter(Cluster a, Cluster b, double f, double[] into)
        {
            for (int i = 0; i < d; i++)
                for (int j = 0; j < d; j++)
                    into[i * d + j] = a.W![i * d + j] + b.W![i * d + j] + f * diff[i] * diff[j];
        }

        /// <summary>mclust's regularized term of a cluster of l points with scatter trace <paramref name="trace"/> and scatter w.</summary>
        double Term(int l, double trace, double[] scatter)
        {
            double c = Beta * (trace + alpha) / l, t;
            if (l <= d) t = Math.Log(c);
            else if (trace == 0) t = Math.Log(alpha * Beta / l);
            else
            {
                double logDet = LogDet(scatter, l);
                if (double.IsNegativeInfinity(logDet)) t = Math.Log(c);
                else if (logDet <= 0) t = Math.Log(Math.Exp(logDet) + c);
                else t = Math.Log(1 + Math.Exp(-logDet) * c) + logDet;
            }
            return l * t;
        }

        /// <summary>ln det(W / l) by Cholesky; -infinity when W is singular (a pivot that is not positive).</summary>
        double LogDet(double[] scatter, int l)
        {
            Span<double> a = stackalloc double[d * d];
            for (int i = 0; i < d * d; i++) a[i] = scatter[i] / l;
            double logDet = 0;
            for (int j = 0; j < d; j++)
            {
                double s = a[j * d + j];
                for (int k = 0; k < j; k++) s -= a[j * d + k] * a[j * d + k];
                if (!(s > 0)) return double.NegativeInfinity;
                double r = Math.Sqrt(s);
                a[j * d + j] = r;
                logDet += 2 * Math.Log(r);
                for (int i = j + 1; i < d; i++)
                {
                    double t = a[i * d + j];
                    for (int k = 0; k < j; k++) t -= a[i * d + k] * a[j * d + k];
                    a[i * d + j] = t / r;
                }
            }
            return logDet;
        }
    }
}
