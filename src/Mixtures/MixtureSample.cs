namespace Mixtures;

/// <summary>Points drawn from a fitted mixture, grouped by the component that generated them.</summary>
/// <param name="Points">The drawn points, one row each.</param>
/// <param name="Components">The zero-based component of each row of <paramref name="Points"/>.</param>
public sealed record MixtureSample(double[,] Points, int[] Components);
