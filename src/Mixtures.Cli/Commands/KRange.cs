using System.Globalization;

namespace Mixtures.Cli.Commands;

/// <summary>Parses the component counts of <c>select --k</c>: "1..10", "2,4,8", "3" or a mix ("1..3,6").</summary>
internal static class KRange
{
    public const int Max = 1000;

    public static List<int> Parse(string text)
    {
        var ks = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split("..", StringSplitOptions.TrimEntries);
            if (bounds.Length > 2 || !bounds.All(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                throw Bad(text);
            int lo = int.Parse(bounds[0], CultureInfo.InvariantCulture), hi = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
            if (lo < 1 || hi < lo || hi > Max) throw Bad(text);
            for (int k = lo; k <= hi; k++) ks.Add(k);
        }
        if (ks.Count == 0) throw Bad(text);
        return [.. ks];
    }

    private static CliException Bad(string text) =>
        new($"--k '{text}': give component counts like 1..10, 2,4,8 or 3 (each between 1 and {Max}, ranges low..high).");
}
