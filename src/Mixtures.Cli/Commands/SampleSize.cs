using System.Globalization;

namespace Mixtures.Cli.Commands;

/// <summary>
/// How many points <c>sample -n</c> may draw: the library draws them all into memory (sorted by component,
/// as scikit-learn returns them), so n is refused up front, with exit 2, when the points would not fit in an
/// array or in half the memory this process may use, rather than failing with OutOfMemoryException after
/// minutes of work.
/// </summary>
internal static class SampleSize
{
    /// <summary>Bytes per drawn value: the point's coordinates, plus its component label per row.</summary>
    private const long BytesPerValue = sizeof(double);

    public static void Require(int n, int features)
    {
        long values = (long)n * features;
        long bytes = values * BytesPerValue + (long)n * sizeof(int);
        long budget = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;
        long byArray = Array.MaxLength / Math.Max(1, features);
        long byMemory = budget / (features * BytesPerValue + sizeof(int));
        long max = Math.Min(byArray, byMemory);
        if (n <= max) return;
        throw new CliException(string.Create(CultureInfo.InvariantCulture,
            $"-n {n}: {n} points of {features} features need {bytes / 1e9:0.#} GB held in memory at once; this process may use {budget / 1e9:0.#} GB, " +
            $"so draw at most {max} points per run (several runs with different --seed values give more)."));
    }
}
