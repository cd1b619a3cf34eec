using System.CommandLine;

namespace Mixtures.Cli.Commands;

/// <summary>
/// fit's <c>--covariance-type</c> and select's <c>--covariance-types</c>. Their default and accepted values
/// come from the library's <see cref="CovarianceTypes"/>, so a covariance model the library registers is on
/// the command line with no change here.
/// </summary>
internal static class CovarianceTypeOptions
{
    /// <summary>fit's <c>--covariance-type</c>: one of the names, the library's default when absent.</summary>
    public static Option<string> One() => new Option<string>("--covariance-type")
    {
        Description = "Covariance parametrization.",
        DefaultValueFactory = _ => CovarianceTypes.Name(new GaussianMixtureOptions().CovarianceType),
    }.AcceptOnlyFromAmong([.. CovarianceTypes.Names]);

    /// <summary>select's <c>--covariance-types</c>: a comma-separated list, all of them when absent.</summary>
    /// <param name="families">The families that have covariance types, for the description.</param>
    public static Option<string> List(string families) => new("--covariance-types")
    {
        Description = $"Comma-separated covariance types to try ({families} only).",
        DefaultValueFactory = _ => string.Join(",", CovarianceTypes.ScikitLearn.Select(CovarianceTypes.Name)),
    };

    /// <summary>A name the parser accepted (any case, as always).</summary>
    /// <summary>A name as registered (mclust's are upper case), or scikit-learn's in any case.</summary>
    static bool TryParse(string name, out CovarianceType type) =>
        CovarianceTypes.TryParse(name, out type) || CovarianceTypes.TryParse(name.ToLowerInvariant(), out type);

    public static CovarianceType Parse(string name) =>
        TryParse(name, out var type)
            ? type
            : throw new CliException($"unknown covariance type '{name}'; use one of {string.Join(", ", CovarianceTypes.Names)}.");

    /// <summary>The word of a <c>--covariance-types</c> list that stands for every mclust model that applies to the data.</summary>
    public const string MclustModels = "mclust";

    /// <summary>
    /// The types of a <c>--covariance-types</c> list, each once, in the order given; <see cref="MclustModels"/>
    /// stands for mclust's models for <paramref name="features"/> features (its 14, or E and V for one feature).
    /// </summary>
    public static List<CovarianceType> ParseList(string text, int features)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0 || names.Any(n => !TryParse(n, out _) && !n.Equals(MclustModels, StringComparison.OrdinalIgnoreCase)))
            throw new CliException($"--covariance-types '{text}': use a comma-separated list of {string.Join(", ", CovarianceTypes.Names)} or {MclustModels} (all of mclust's).");
        return names.SelectMany(n => n.Equals(MclustModels, StringComparison.OrdinalIgnoreCase)
            ? MixtureSelection.MclustModels(features) : [Parse(n)]).Distinct().ToList();
    }
}
