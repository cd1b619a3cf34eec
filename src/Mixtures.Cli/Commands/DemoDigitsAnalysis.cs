namespace Mixtures.Cli.Commands;

/// <summary>The numbers of <c>mixtures demo digits</c>: clustering purity, BIC over K, classifier accuracy.</summary>
internal sealed record DemoDigitsAnalysis(
    BernoulliMixtureModel Clusters, double Purity, int[] ClusterLabels, int[] ClusterMajority,
    IReadOnlyList<(int K, double Bic)> BicCurve, int BicK,
    double Accuracy, int TrainRows, int TestRows, int[,] Confusion)
{
    /// <summary>Components of the clustering fit.</summary>
    public const int ClusterK = 10;
    /// <summary>The K range searched by BIC.</summary>
    public const int MinK = 2, MaxK = 20;
    /// <summary>Components of each class's mixture in the classifier.</summary>
    public const int ClassK = 3;

    public static DemoDigitsAnalysis Run(DemoDigitsData data, double threshold, int seed, CancellationToken ct)
    {
        var binary = data.Binarized(threshold);
        var clusterOptions = new BernoulliMixtureOptions
        {
            Components = ClusterK, NInit = 10, Seed = seed, MaxIterations = 300, Tolerance = 1e-6,
        };
        var (train, test) = data.Split(0.8, seed);
        var classifier = MixtureClassifier.Bernoulli(new BernoulliMixtureOptions
        {
            Components = ClassK, NInit = 3, Seed = seed, MaxIterations = 300, Tolerance = 1e-6,
        });

        // The fits are independent and each has its own seed: run them side by side (the same results on any
        // number of cores), the longest ones first.
        BernoulliMixtureModel? clusters = null;
        MixtureClassifierModel? model = null;
        var bics = new double[MaxK - MinK + 1];
        var jobs = new List<Action>
        {
            () => clusters = new BernoulliMixture(clusterOptions).Fit(binary, null, null, ct),
            () => model = classifier.Fit(DemoDigitsData.Take(binary, train), train.Select(i => data.Labels[i]).ToArray(), null, ct),
        };
        for (int k = MaxK; k >= MinK; k--)
        {
            int kk = k;
            jobs.Add(() => bics[kk - MinK] = new BernoulliMixture(clusterOptions with { Components = kk, NInit = 3, Tolerance = 1e-4 })
                .Fit(binary, null, null, ct).TrainingBic);
        }
        try
        {
            Parallel.ForEach(jobs, new ParallelOptions { CancellationToken = ct }, job => job());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        var assigned = clusters!.Predict(binary);
        var (purity, majority) = ComputePurity(assigned, data.Labels, ClusterK);
        var curve = Enumerable.Range(MinK, bics.Length).Select(k => (k, bics[k - MinK])).ToList();
        int bicK = curve.MinBy(e => e.Item2).Item1;

        var testLabels = test.Select(i => data.Labels[i]).ToArray();
        var predicted = model!.Predict(DemoDigitsData.Take(binary, test));
        var confusion = new int[10, 10];
        int hits = 0;
        for (int i = 0; i < test.Length; i++)
        {
            confusion[testLabels[i], predicted[i]]++;
            if (predicted[i] == testLabels[i]) hits++;
        }
        return new DemoDigitsAnalysis(clusters, purity, assigned, majority, curve, bicK,
            (double)hits / test.Length, train.Length, test.Length, confusion);
    }

    /// <summary>
    /// Purity: every cluster is given its most frequent true label; the fraction of rows whose
    /// cluster's label is their own. Also returns that label per cluster.
    /// </summary>
    public static (double Purity, int[] Majority) ComputePurity(int[] clusters, int[] labels, int k)
    {
        var counts = new int[k, 10];
        for (int i = 0; i < clusters.Length; i++) counts[clusters[i], labels[i]]++;
        var majority = new int[k];
        int hits = 0;
        for (int c = 0; c < k; c++)
        {
            int best = 0;
            for (int l = 1; l < 10; l++) if (counts[c, l] > counts[c, best]) best = l;
            majority[c] = best;
            hits += counts[c, best];
        }
        return ((double)hits / clusters.Length, majority);
    }
}
