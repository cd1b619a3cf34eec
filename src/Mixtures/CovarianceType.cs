namespace Mixtures;

/// <summary>How the covariance of each Gaussian component is parametrized (scikit-learn's <c>covariance_type</c>, or one of mclust's 14 models and its E and V for one feature: Sigma_k = lambda_k D_k A_k D_k^T, the letters naming volume, shape and orientation as Equal, Variable or Identity).</summary>
public enum CovarianceType
{
    /// <summary>Each component has its own general covariance matrix.</summary>
    Full,
    /// <summary>All components share one general covariance matrix.</summary>
    Tied,
    /// <summary>Each component has its own diagonal covariance matrix.</summary>
    Diag,
    /// <summary>Each component has its own single variance.</summary>
    Spherical,
    /// <summary>mclust's EII: one spherical covariance lambda I for all components.</summary>
    EII,
    /// <summary>mclust's VII: spherical lambda_k I per component (the structure of Spherical).</summary>
    VII,
    /// <summary>mclust's EEI: one diagonal covariance lambda A for all components.</summary>
    EEI,
    /// <summary>mclust's VEI: diagonal lambda_k A, volumes vary, the shape is shared.</summary>
    VEI,
    /// <summary>mclust's EVI: diagonal lambda A_k, the volume is shared, shapes vary.</summary>
    EVI,
    /// <summary>mclust's VVI: diagonal lambda_k A_k per component (the structure of Diag).</summary>
    VVI,
    /// <summary>mclust's EEE: one general covariance for all components (the structure of Tied).</summary>
    EEE,
    /// <summary>mclust's VEE: lambda_k D A D^T, volumes vary, shape and orientation are shared.</summary>
    VEE,
    /// <summary>mclust's EVE: lambda D A_k D^T, shapes vary, volume and orientation are shared.</summary>
    EVE,
    /// <summary>mclust's VVE: lambda_k D A_k D^T, only the orientation is shared.</summary>
    VVE,
    /// <summary>mclust's EEV: lambda D_k A D_k^T, orientations vary, volume and shape are shared.</summary>
    EEV,
    /// <summary>mclust's VEV: lambda_k D_k A D_k^T, only the shape is shared.</summary>
    VEV,
    /// <summary>mclust's EVV: lambda D_k A_k D_k^T, only the volume is shared.</summary>
    EVV,
    /// <summary>mclust's VVV: a general covariance per component (the structure of Full).</summary>
    VVV,
    /// <summary>mclust's E, for one feature: one variance for all components.</summary>
    E,
    /// <summary>mclust's V, for one feature: a variance per component.</summary>
    V,
}
