namespace Mixtures;

/// <summary>Progress of one EM iteration, reported through <see cref="IProgress{T}"/>.</summary>
/// <param name="Init">Zero-based index of the restart (of <c>NInit</c>).</param>
/// <param name="Iteration">One-based iteration number within the restart.</param>
/// <param name="LowerBound">Mean log-likelihood per sample computed in this iteration's E-step.</param>
/// <param name="Change">Change of the lower bound from the previous iteration (infinite on the first).</param>
public sealed record EmIteration(int Init, int Iteration, double LowerBound, double Change);
