namespace Mixtures.Distributed;

/// <summary>The cluster has no live worker (none reachable, or every one failed during the fit).</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
