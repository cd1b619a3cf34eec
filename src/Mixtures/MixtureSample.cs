namespace Mixtures;

/// <summary>Points drawn from a fitted mixture, grouped by the component that generated them.</summary>
/// <param name="Points">The drawn points, one row each.</param>
/// <param name="Components">The zero-based component of each row of <paramref name="Points"/>.</param>
public sealed record MixtureSample(double[,] Points, int[] Components);

/// <summary>Receives drawn points in row order: rows [<paramref name="firstRow"/>, + count) with their components.</summary>
/// <param name="firstRow">Index of the first row of this window.</param>
/// <param name="points">count x D values, row-major.</param>
/// <param name="components">The component each row was drawn from.</param>
public delegate void SampleSink(long firstRow, ReadOnlySpan<double> points, ReadOnlySpan<int> components);
