namespace Mixtures.Internal;

/// <summary>A component that the M-step could not estimate properly.</summary>
/// <param name="Component">Zero-based component, or -1 for a covariance shared by all.</param>
/// <param name="Reason">What happened, for messages.</param>
/// <param name="Fatal">True when the parameters are unusable until re-seeded (not positive definite).</param>
/// <param name="Abort">True when the fit must stop whatever the handling (mclust's failure rules: mclust gives up there).</param>
internal readonly record struct Degeneracy(int Component, string Reason, bool Fatal, bool Abort = false);
