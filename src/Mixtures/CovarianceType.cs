namespace Mixtures;

/// <summary>How the covariance of each Gaussian component is parametrized (scikit-learn's <c>covariance_type</c>).</summary>
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
}
