using System.CommandLine;

namespace Mixtures.Cli.Families;

/// <summary>
/// The families the tool fits, each registered once; every verb finds a family here, by --family or by a
/// model's <see cref="IMixtureModel.Family"/>, and --family's values and description are made from the list.
/// </summary>
internal static class FamilyRegistry
{
    /// <summary>The Gaussian family, for the faithful demo, which is about Gaussian mixtures.</summary>
    public static GaussianFamily Gaussian { get; } = new();

    /// <summary>Every family; the first is the default when --family is absent.</summary>
    public static IReadOnlyList<CliFamily> All { get; } = [Gaussian, new BernoulliFamily(), new PoissonFamily()];

    public static CliFamily Default => All[0];

    /// <summary>The family called <paramref name="name"/> (a value --family accepted).</summary>
    public static CliFamily Get(string name) =>
        All.FirstOrDefault(f => f.Name == name) ?? throw new CliException($"--family {name}: use {Sentence(All.Select(f => f.Name))}.");

    /// <summary>The family of a loaded or fitted model.</summary>
    public static CliFamily Of(IMixtureModel model) =>
        All.FirstOrDefault(f => f.Name == model.Family) ?? throw new CliException($"'{model.Family}' mixtures are not known to this tool.");

    /// <summary>--family: one of the registered names, the default's when absent.</summary>
    public static Option<string> CreateOption() => new Option<string>("--family")
    {
        Description = $"Mixture family: {Sentence(All.Select(f => f.DataHint is null ? f.Name : $"{f.Name} ({f.DataHint})"))}.",
        DefaultValueFactory = _ => Default.Name,
    }.AcceptOnlyFromAmong([.. All.Select(f => f.Name)]);

    /// <summary>Refuses the flags of every family but <paramref name="chosen"/> (the first, in registry order).</summary>
    public static void RefuseOtherFamiliesFlags(CommandContext ctx, CliFamily chosen)
    {
        foreach (var family in All)
            if (family != chosen && family.Refusal(ctx, chosen) is { } refusal) throw refusal;
    }

    /// <summary>The names of the families fitted per covariance type: "gaussian".</summary>
    public static string WithCovarianceTypes => Sentence(All.Where(f => f.HasCovarianceTypes).Select(f => f.Name));

    /// <summary>"a, b or c".</summary>
    public static string Sentence(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count < 2 ? string.Concat(list) : $"{string.Join(", ", list[..^1])} or {list[^1]}";
    }
}
