using Mixtures.Internal;
using Mixtures.Internal.Initialization;

namespace Mixtures;

/// <summary>
/// k-means clustering: k-means++ seeding then Lloyd iterations, the hard-assignment limit of a
/// Gaussian mixture and its default initializer. Sums are taken over fixed row chunks in chunk
/// order, so the result is the same on any number of threads.
/// </summary>
public sealed class KMeans
{
    readonly KMeansOptions _options;

    /// <summary>Creates the estimator; options are validated here.</summary>
    public KMeans(KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Fits the clustering; the restart with the lowest inertia is kept.</summary>
    public KMeansModel Fit(double[,] x, double[]? sampleWeight = null) => Fit(x, sampleWeight, CancellationToken.None);

    /// <summary>Fits the clustering; the restart with the lowest inertia is kept.</summary>
    /// <param name="x">Data [N, D].</param>
    /// <param name="sampleWeight">Non-negative weight per row (null: all 1).</param>
    /// <param name="cancellationToken">Stops the seeding and the iterations within milliseconds.</param>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public KMeansModel Fit(double[,] x, double[]? sampleWeight, CancellationToken cancellationToken)
    {
        // Within a mixture fit the token is already current; a direct caller's token becomes current here.
        using var scope = cancellationToken.CanBeCanceled ? FitCancellation.Enter(cancellationToken) : default(FitCancellation.Scope?);
        return FitCore(x, sampleWeight);
    }

    KMeansModel FitCore(double[,] x, double[]? sampleWeight)
    {
        InputValidation.RequireData(x);
        InputValidation.RequireWeights(sampleWeight, x.GetLength(0));
        if (x.GetLength(0) < _options.Clusters)
            throw new ArgumentException($"k-means needs at least as many samples ({x.GetLength(0)}) as clusters ({_options.Clusters}).", nameof(x));
        var rng = new Random(_options.Seed ?? Random.Shared.Next());
        KMeansModel? best = null;
        for (int i = 0; i < _options.NInit; i++)
        {
            var m = Run(x, sampleWeight, rng);
            if (best is null || m.Inertia < best.Inertia) best = m;
        }
        return best!;
    }

    KMeansModel Run(double[,] x, double[]? w, Random rng)
    {
        int n = x.GetLength(0), d = x.GetLength(1), k = _options.Clusters;
        var centers = new double[k * d];
        var seeds = KMeansPlusPlus.Seeds(x, w, k, rng);
        for (int c = 0; c < k; c++) MatrixSpan.Rows(x, seeds[c], 1).CopyTo(centers.AsSpan(c * d, d));

        double threshold = _options.Tolerance * MeanVariance(x);
        var plan = new ChunkPlan(n);
        var labels = new int[n];
        var dist = new double[n];
        var sums = new double[plan.Count][];
        var counts = new double[plan.Count][];
        for (int c = 0; c < plan.Count; c++)
        {
            sums[c] = new double[k * d];
            counts[c] = new double[k];
        }
        var newCenters = new double[k * d];
        int iterations = 0;
        for (int iter = 1; iter <= _options.MaxIterations; iter++)
        {
            FitCancellation.ThrowIfRequested();
            iterations = iter;
            Assign(x, w, centers, plan, labels, dist, sums, counts);
            var total = sums[0];
            var count = counts[0];
            for (int c = 1; c < plan.Count; c++)
            {
                for (int i = 0; i < total.Length; i++) total[i] += sums[c][i];
                for (int i = 0; i < k; i++) count[i] += counts[c][i];
            }
            Relocate(x, w, total, count, dist, labels, k, d);
            double shift = 0;
            for (int c = 0; c < k; c++)
                for (int j = 0; j < d; j++)
                {
                    double v = count[c] > 0 ? total[c * d + j] / count[c] : centers[c * d + j];
                    double diff = v - centers[c * d + j];
                    shift += diff * diff;
                    newCenters[c * d + j] = v;
                }
            newCenters.CopyTo(centers, 0);
            if (shift <= threshold) break;
        }
        // Final labels and inertia for the final centres.
        Assign(x, w, centers, plan, labels, dist, sums, counts);
        double inertia = 0;
        for (int i = 0; i < n; i++) inertia += (w?[i] ?? 1.0) * dist[i];
        return new KMeansModel(centers, k, d, inertia, iterations, labels);
    }

    void Assign(double[,] x, double[]? w, double[] centers, ChunkPlan plan, int[] labels, double[] dist, double[][] sums, double[][] counts)
    {
        int k = _options.Clusters, d = x.GetLength(1);
        plan.ForEach(_options.MaxDegreeOfParallelism, c =>
        {
            FitCancellation.ThrowIfRequested();
            var (start, len) = plan[c];
            var s = sums[c];
            var cnt = counts[c];
            Array.Clear(s);
            Array.Clear(cnt);
            for (int i = start; i < start + len; i++)
            {
                var row = MatrixSpan.Rows(x, i, 1);
                int l = KMeansModel.Nearest(row, centers, k, out double dd);
                labels[i] = l;
                dist[i] = dd;
                double wi = w?[i] ?? 1.0;
                cnt[l] += wi;
                var sl = s.AsSpan(l * d, d);
                for (int j = 0; j < d; j++) sl[j] += wi * row[j];
            }
        });
    }

    /// <summary>An empty cluster takes the point farthest from its centre (deterministic: lowest index on ties).</summary>
    static void Relocate(double[,] x, double[]? w, double[] total, double[] count, double[] dist, int[] labels, int k, int d)
    {
        for (int c = 0; c < k; c++)
        {
            if (count[c] > 0) continue;
            int far = -1;
            double farDist = -1;
            for (int i = 0; i < dist.Length; i++)
                if ((w?[i] ?? 1.0) > 0 && dist[i] > farDist && count[labels[i]] > (w?[i] ?? 1.0))
                {
                    farDist = dist[i];
                    far = i;
                }
            if (far < 0) continue;
            double wi = w?[far] ?? 1.0;
            var row = MatrixSpan.Rows(x, far, 1);
            int old = labels[far];
            for (int j = 0; j < d; j++)
            {
                total[old * d + j] -= wi * row[j];
                total[c * d + j] = wi * row[j];
            }
            count[old] -= wi;
            count[c] = wi;
            labels[far] = c;
            dist[far] = 0;
        }
    }

    static double MeanVariance(double[,] x)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var data = MatrixSpan.Flat(x);
        double total = 0;
        for (int j = 0; j < d; j++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += data[i * d + j];
            mean /= n;
            double v = 0;
            for (int i = 0; i < n; i++)
            {
                double t = data[i * d + j] - mean;
                v += t * t;
            }
            total += v / n;
        }
        return total / d;
    }
}
