namespace Mixtures.Internal.Initialization.Hierarchical;

/// <summary>
/// Model-based agglomerative clustering with the VVV criterion (Banfield and Raftery 1993; Fraley 1998):
/// from singletons, repeatedly merge the two clusters whose merge increases
/// sum_k n_k ln det((W_k + alpha I) / n_k) the least, alpha = tr(scatter) / (N D) regularizing the
/// scatter W_k of small clusters. This regularized criterion is this library's reading of Fraley (1998);
/// it does not yet reproduce mclust's merge sequence (mclust's exact regularization and tie order differ,
/// already on duplicate rows), so <c>InitMethod.Hierarchical</c> gives mclust-like, not mclust-identical,
/// partitions. Each cluster keeps its best partner, so memory is O(N D^2) and time
/// O(N^2 D^3) (a merge rescans only the clusters whose partner it took).
/// </summary>
internal static class HcAgglomeration
{
    sealed class Cluster(int d)
    {
        public double N;
        public readonly double[] Mean = new double[d];
        public readonly double[] W = new double[d * d];
        public double Cost;
        public int Partner = -1;
        public double Delta = double.PositiveInfinity;
    }

    /// <summary>The N - 1 merges (i, j), i &lt; j the smallest members, of the rows of <paramref name="z"/> (N x D, flat).</summary>
    public static (int I, int J)[] Merge(double[] z, int n, int d)
    {
        double alpha = Alpha(z, n, d);
        var clusters = new Cluster?[n];
        for (int i = 0; i < n; i++)
        {
            var c = new Cluster(d) { N = 1 };
            z.AsSpan(i * d, d).CopyTo(c.Mean);
            c.Cost = Cost(c.N, c.W, alpha, d);
            clusters[i] = c;
        }
        var scratch = new double[d * d];
        var mean = new double[d];
        for (int i = 0; i < n; i++) FindPartner(clusters, i, alpha, d, scratch, mean);
        var pairs = new (int, int)[n - 1];
        for (int s = 0; s < n - 1; s++)
        {
            int a = -1;
            for (int i = 0; i < n; i++)
                if (clusters[i] is { } c && c.Partner >= 0 && (a < 0 || c.Delta < clusters[a]!.Delta)) a = i;
            int b = clusters[a]!.Partner;
            int i0 = Math.Min(a, b), j0 = Math.Max(a, b);
            pairs[s] = (i0, j0);
            var merged = new Cluster(d);
            MergeStats(clusters[i0]!, clusters[j0]!, merged, d);
            merged.Cost = Cost(merged.N, merged.W, alpha, d);
            clusters[i0] = merged;
            clusters[j0] = null;
            FindPartner(clusters, i0, alpha, d, scratch, mean);
            for (int i = 0; i < n; i++)
            {
                if (i == i0 || clusters[i] is not { } c) continue;
                if (c.Partner == i0 || c.Partner == j0) FindPartner(clusters, i, alpha, d, scratch, mean);
                else
                {
                    double delta = Delta(c, merged, alpha, d, scratch, mean);
                    if (delta < c.Delta || (delta == c.Delta && i0 < c.Partner))
                    {
                        c.Delta = delta;
                        c.Partner = i0;
                    }
                }
            }
        }
        return pairs;
    }

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
        return Math.Max(trace / (n * d), Math.Pow(2, -52));
    }

    static void FindPartner(Cluster?[] clusters, int a, double alpha, int d, double[] scratch, double[] mean)
    {
        var c = clusters[a]!;
        c.Partner = -1;
        c.Delta = double.PositiveInfinity;
        for (int i = 0; i < clusters.Length; i++)
        {
            if (i == a || clusters[i] is not { } o) continue;
            double delta = Delta(c, o, alpha, d, scratch, mean);
            if (delta < c.Delta)
            {
                c.Delta = delta;
                c.Partner = i;
            }
        }
    }

    static double Delta(Cluster p, Cluster q, double alpha, int d, double[] w, double[] mean)
    {
        double n = p.N + q.N, f = p.N * q.N / n;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                w[i * d + j] = p.W[i * d + j] + q.W[i * d + j] + f * (p.Mean[i] - q.Mean[i]) * (p.Mean[j] - q.Mean[j]);
        return Cost(n, w, alpha, d) - p.Cost - q.Cost;
    }

    static void MergeStats(Cluster p, Cluster q, Cluster into, int d)
    {
        double n = p.N + q.N, f = p.N * q.N / n;
        into.N = n;
        for (int i = 0; i < d; i++) into.Mean[i] = (p.N * p.Mean[i] + q.N * q.Mean[i]) / n;
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                into.W[i * d + j] = p.W[i * d + j] + q.W[i * d + j] + f * (p.Mean[i] - q.Mean[i]) * (p.Mean[j] - q.Mean[j]);
    }

    /// <summary>n ln det((W + alpha I) / n), by Cholesky.</summary>
    static double Cost(double n, double[] w, double alpha, int d)
    {
        Span<double> a = stackalloc double[d * d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) a[i * d + j] = w[i * d + j] + (i == j ? alpha : 0);
        double logDet = 0;
        for (int j = 0; j < d; j++)
        {
            double s = a[j * d + j];
            for (int k = 0; k < j; k++) s -= a[j * d + k] * a[j * d + k];
            double l = Math.Sqrt(s);
            a[j * d + j] = l;
            logDet += 2 * Math.Log(l);
            for (int i = j + 1; i < d; i++)
            {
                double t = a[i * d + j];
                for (int k = 0; k < j; k++) t -= a[i * d + k] * a[j * d + k];
                a[i * d + j] = t / l;
            }
        }
        return n * (logDet - d * Math.Log(n));
    }
}
