using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Initialization;

/// <summary>
/// Greedy k-means++ seeding (Arthur and Vassilvitskii, with 2 + ln K local trials per seed as
/// scikit-learn does): each new seed is drawn with probability proportional to the weighted squared
/// distance to the nearest seed so far, keeping the candidate that lowers the potential most.
/// </summary>
internal static class KMeansPlusPlus
{
    public static int[] Seeds(double[,] x, double[]? w, int k, Random rng)
    {
        int n = x.GetLength(0);
        var seeds = new int[k];
        var closest = new double[n];
        var candidateDist = new double[n];
        var bestDist = new double[n];
        int trials = 2 + (int)Math.Log(k);

        seeds[0] = WeightedIndex(w, null, n, rng);
        double potential = 0;
        var first = MatrixSpan.Rows(x, seeds[0], 1);
        for (int i = 0; i < n; i++)
        {
            closest[i] = QuadraticForms.SquaredDistance(MatrixSpan.Rows(x, i, 1), first);
            potential += Weight(w, i) * closest[i];
        }
        for (int s = 1; s < k; s++)
        {
            int bestCandidate = -1;
            double bestPotential = double.PositiveInfinity;
            for (int t = 0; t < trials; t++)
            {
                // One trial is a pass over the sample: up to 2^17 rows.
                FitCancellation.ThrowIfRequested();
                int cand = potential > 0 ? WeightedIndex(w, closest, n, rng) : WeightedIndex(w, null, n, rng);
                var cx = MatrixSpan.Rows(x, cand, 1);
                double pot = 0;
                for (int i = 0; i < n; i++)
                {
                    candidateDist[i] = Math.Min(closest[i], QuadraticForms.SquaredDistance(MatrixSpan.Rows(x, i, 1), cx));
                    pot += Weight(w, i) * candidateDist[i];
                }
                if (pot < bestPotential)
                {
                    bestPotential = pot;
                    bestCandidate = cand;
                    candidateDist.CopyTo(bestDist, 0);
                }
            }
            seeds[s] = bestCandidate;
            bestDist.CopyTo(closest, 0);
            potential = bestPotential;
        }
        return seeds;
    }

    static double Weight(double[]? w, int i) => w?[i] ?? 1.0;

    /// <summary>An index drawn with probability proportional to w_i * d_i (either may be absent).</summary>
    static int WeightedIndex(double[]? w, double[]? d, int n, Random rng)
    {
        double total = 0;
        for (int i = 0; i < n; i++) total += Weight(w, i) * (d?[i] ?? 1.0);
        double u = rng.NextDouble() * total, acc = 0;
        int last = 0;
        for (int i = 0; i < n; i++)
        {
            double p = Weight(w, i) * (d?[i] ?? 1.0);
            if (p <= 0) continue;
            last = i;
            acc += p;
            if (acc > u) return i;
        }
        return last;
    }
}
