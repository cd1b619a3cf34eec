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


    /// <summary>
    /// Points written to a CSV file as they are drawn are not held, so memory does not limit them; the disk does. n is
    /// refused up front when even the shortest CSV of n rows would not fit in the free space where the file goes.
    /// </summary>
    /// <param name="n">Points to draw.</param>
    /// <param name="features">Values per point.</param>
    /// <param name="bytesPerValue">Characters a value takes with its comma: 18 for continuous values in round-trip format, 2 for 0/1 or small counts.</param>
    /// <param name="path">The output file.</param>
    public static void RequireDisk(int n, int features, int bytesPerValue, string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        long free;
        try
        {
            free = new DriveInfo(dir).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return;   // unknown: the write reports a full disk itself
        }
        long perRow = features * (long)bytesPerValue + 3;
        long max = free / perRow;
        if (n <= max) return;
        throw new CliException(string.Create(CultureInfo.InvariantCulture,
            $"-n {n}: {n} points of {features} features take about {(double)n * perRow / 1e9:0.#} GB as CSV and {dir} has {free / 1e9:0.#} GB free, " +
            $"so draw at most {max} points there."));
    }
}
