namespace Mixtures.Internal.Initialization;

/// <summary>
/// First responsibilities of an EM run, as hard labels (k-means, k-means++, random_from_data) or a
/// dense random matrix (random). Fed to the family's M-step to get the first parameters.
/// </summary>
internal static class InitialResponsibilities
{
    /// <summary>Writes the weighted responsibilities of rows [first, first+count) into <paramref name="resp"/>.</summary>
    public delegate void Block(int first, int count, Span<double> resp);

    public static Block Create(InitMethod method, double[,] x, double[]? w, int k, Random rng, int? threads)
    {
        int n = x.GetLength(0);
        switch (method)
        {
            case InitMethod.KMeans:
            {
                var km = new KMeans(new KMeansOptions { Clusters = k, NInit = 1, Seed = rng.Next(), MaxDegreeOfParallelism = threads }).Fit(x, w);
                return Hard(km.Labels, w, k);
            }
            case InitMethod.KMeansPlusPlus:
                return Hard(NearestSeed(x, KMeansPlusPlus.Seeds(x, w, k, rng), k), w, k);
            case InitMethod.RandomFromData:
            {
                var seeds = DistinctIndices(n, k, w, rng);
                return Hard(NearestSeed(x, seeds, k), w, k);
            }
            default:
            {
                var r = new double[n * k];
                for (int i = 0; i < r.Length; i++) r[i] = rng.NextDouble();
                return (first, count, resp) =>
                {
                    for (int i = 0; i < count; i++)
                    {
                        var src = r.AsSpan((first + i) * k, k);
                        double s = 0;
                        foreach (double v in src) s += v;
                        double scale = (w?[first + i] ?? 1.0) / s;
                        for (int c = 0; c < k; c++) resp[i * k + c] = src[c] * scale;
                    }
                };
            }
        }
    }

    /// <summary>One-hot responsibilities of <paramref name="labels"/>, times the sample weights.</summary>
    public static Block Hard(int[] labels, double[]? w, int k) => (first, count, resp) =>
    {
        resp[..(count * k)].Clear();
        for (int i = 0; i < count; i++) resp[i * k + labels[first + i]] = w?[first + i] ?? 1.0;
    };

    static int[] NearestSeed(double[,] x, int[] seeds, int k)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var centers = new double[k * d];
        for (int c = 0; c < k; c++) MatrixSpan.Rows(x, seeds[c], 1).CopyTo(centers.AsSpan(c * d, d));
        var labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = KMeansModel.Nearest(MatrixSpan.Rows(x, i, 1), centers, k, out _);
        // Each seed owns at least itself, even among duplicates.
        for (int c = 0; c < k; c++) labels[seeds[c]] = c;
        return labels;
    }

    /// <summary>k distinct row indices with positive weight, uniformly (partial Fisher-Yates).</summary>
    static int[] DistinctIndices(int n, int k, double[]? w, Random rng)
    {
        var pool = new List<int>(n);
        for (int i = 0; i < n; i++) if ((w?[i] ?? 1.0) > 0) pool.Add(i);
        if (pool.Count < k) throw new ArgumentException($"random_from_data needs {k} samples with positive weight; only {pool.Count} have one.");
        var result = new int[k];
        for (int i = 0; i < k; i++)
        {
            int j = i + rng.Next(pool.Count - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
            result[i] = pool[i];
        }
        return result;
    }
}
