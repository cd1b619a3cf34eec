namespace Mixtures;

/// <summary>What EM does when a component empties or its covariance stops being positive definite.</summary>
public enum DegenerateHandling
{
    /// <summary>Re-seed the component at the point the current model explains worst and go on (the default).</summary>
    Reseed,
    /// <summary>Stop with a <see cref="DegenerateFitException"/>, as scikit-learn does.</summary>
    Throw,
}
