using System.CommandLine;
using System.Globalization;

namespace Mixtures.Cli.Commands;

/// <summary>
/// --seed: deterministic by default, as mclust is (seed 0: the same command gives the same result);
/// "random" draws a fresh seed, which the output then reports so the run can be repeated.
/// </summary>
internal static class SeedOption
{
    public const int Default = 0;

    public static Option<string> Create(string what) => new("--seed")
    {
        Description = $"Random seed of {what}: a whole number, or 'random' for a fresh one (reported). Default {Default}: the same command gives the same result.",
        DefaultValueFactory = _ => Default.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The seed to use: the number given, or a fresh draw for "random".</summary>
    public static int Parse(string value)
    {
        if (value.Equals("random", StringComparison.OrdinalIgnoreCase)) return Random.Shared.Next();
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int seed)
            ? seed
            : throw new CliException($"--seed '{value}': expected a whole number from {int.MinValue} to {int.MaxValue}, or 'random'.");
    }
}
