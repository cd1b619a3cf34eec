namespace Mixtures;

/// <summary>Options of <see cref="KMeans"/>, with scikit-learn's meanings and defaults.</summary>
public sealed record KMeansOptions
{
    /// <summary>Number of clusters. Default 8.</summary>
    public int Clusters { get; init; } = 8;

    /// <summary>Number of k-means++ restarts; the one with the lowest inertia is kept. Default 1.</summary>
    public int NInit { get; init; } = 1;

    /// <summary>Maximum Lloyd iterations per restart. Default 300.</summary>
    public int MaxIterations { get; init; } = 300;

    /// <summary>Stop when the squared centre shift is below Tolerance times the mean feature variance. Default 1e-4.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>Seed of the k-means++ seeding; the same seed gives the same result on any thread count.</summary>
    public int? Seed { get; init; }

    /// <summary>Upper bound on worker threads (null: all cores). Never changes the result.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Clusters < 1) throw new ArgumentOutOfRangeException(nameof(Clusters), Clusters, "Clusters must be at least 1.");
        if (NInit < 1) throw new ArgumentOutOfRangeException(nameof(NInit), NInit, "NInit must be at least 1.");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be at least 1.");
        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance))
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Tolerance must be a finite number >= 0.");
        if (MaxDegreeOfParallelism is < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1.");
    }
}
