namespace Mixtures.Internal;

/// <summary>Outcome of one EM run (one restart).</summary>
internal sealed record EmResult<TParams>(
    TParams Parameters, double LowerBound, double[] History, bool Converged, int Iterations, int Reseeds);
