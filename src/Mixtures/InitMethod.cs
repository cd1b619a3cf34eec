namespace Mixtures;

/// <summary>How the first responsibilities of an EM run are chosen (scikit-learn's <c>init_params</c>).</summary>
public enum InitMethod
{
    /// <summary>Hard assignments from a k-means fit (the default, as in scikit-learn).</summary>
    KMeans,
    /// <summary>k-means++ seeds; every point is assigned to its nearest seed.</summary>
    KMeansPlusPlus,
    /// <summary>Random responsibilities, normalized per row.</summary>
    Random,
    /// <summary>Distinct data points chosen uniformly as seeds; every point is assigned to its nearest seed.</summary>
    RandomFromData,
}
