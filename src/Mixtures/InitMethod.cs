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
    /// <summary>
    /// mclust's deterministic start (Gaussian only): model-based hierarchical agglomeration (VVV criterion on
    /// SVD-transformed data, EII's when N &lt;= D, mclust's merge order) cut at K clusters; mclust's quantile classes
    /// for one feature; above 2000 rows, hc runs on a subset of 2000 rows drawn with the seed, one M-step on it and
    /// one E-step on all rows give the first responsibilities. hc costs O(n^2) memory and O(n^3) time on its
    /// n &lt;= 2000 rows (timed in bench/README.md).
    /// </summary>
    Hierarchical,
}
