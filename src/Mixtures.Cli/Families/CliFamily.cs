using System.CommandLine;
using Mixtures.Cli.Commands;
using Mixtures.Cli.Plotting;

namespace Mixtures.Cli.Families;

/// <summary>
/// A mixture family as the tool knows it: its --family name, the flags only it takes, how its estimators are
/// made from the common EM options, and how its models are drawn. The verbs work on <see cref="IMixtureModel"/>
/// and ask the family (from <see cref="FamilyRegistry"/>) for all that differs, so that a new family is a
/// new entry there and nothing in the verbs.
/// </summary>
internal abstract class CliFamily
{
    /// <summary>The --family value, which is also the model JSON's <c>family</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What data the family models, shown after its name in --family's description (null: nothing).</summary>
    public virtual string? DataHint => null;

    /// <summary>The name capitalized, for titles: "Gaussian".</summary>
    public string DisplayName => char.ToUpperInvariant(Name[0]) + Name[1..];

    /// <summary>The flags only this family takes on fit and select, in help order; with another family they are refused.</summary>
    public virtual IReadOnlyList<Option> Flags => [];

    /// <summary>The flags only this family takes on fit (not on select), in help order; with another family they are refused.</summary>
    public virtual IReadOnlyList<Option> FitFlags => [];

    /// <summary>How a refusal of <see cref="Flags"/> and <see cref="FitFlags"/> names them.</summary>
    protected virtual string FlagNames => string.Join(" and ", Flags.Select(f => f.Name));

    /// <summary>
    /// Whether the family is fitted per covariance type: fit's --covariance-type picks one, select's
    /// --covariance-types tries several (a column each), and --init carries precisions for it.
    /// </summary>
    public virtual bool HasCovarianceTypes => false;

    /// <summary>Draws the family's models, for plot and fit --snapshots.</summary>
    public abstract FamilyPlotter Plotter { get; }

    /// <summary>Reads and checks the family's own flags; the estimators returned use them.</summary>
    public abstract EstimatorFactory Bind(CommandContext ctx, FitOptionSet set);

    /// <summary>The name of a model's covariance type, or null for a family without them.</summary>
    public virtual string? CovarianceTypeName(IMixtureModel model) => null;

    /// <summary>The error for this family's flags given with --family <paramref name="chosen"/>, or null when none is given.</summary>
    public CliException? Refusal(CommandContext ctx, CliFamily chosen) =>
        Flags.Concat(FitFlags).Any(f => ctx.Parse.GetResult(f) is { Implicit: false })
            ? new CliException($"{FlagNames} {(Flags.Count + FitFlags.Count == 1 ? "applies" : "apply")} to --family {Name}, not {chosen.Name}.")
            : null;

    /// <summary>The columns of a select grid: one per covariance type for a family that has them, else one (null) for the family.</summary>
    public IReadOnlyList<CovarianceType?> Variants(IReadOnlyList<CovarianceType> types) =>
        HasCovarianceTypes ? [.. types.Select(t => (CovarianceType?)t)] : [null];

    /// <summary>A variant's name in tables, plots and titles: its covariance type's, or the family's.</summary>
    public string VariantName(CovarianceType? type) => type is { } t ? CovarianceTypes.Name(t) : Name;

    /// <summary>A number flag of a family: its name, its description and the library's default.</summary>
    protected static Option<double> NumberFlag(string name, string description, double defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    /// <summary>The value of a flag that must be a finite number &gt;= 0.</summary>
    protected static double NonNegative(CommandContext ctx, Option<double> flag) =>
        ctx.Get(flag) is var value && value >= 0 && double.IsFinite(value) ? value : throw new CliException($"{flag.Name} must be a finite number >= 0.");

    /// <summary>What kind of mixture a model is, in titles: the family's display name, or more (a variational Gaussian fit says so).</summary>
    public virtual string Kind(IMixtureModel model) => DisplayName;

    /// <summary>A model's title in pictures: "3-component Gaussian mixture (full) on data.csv".</summary>
    public string Title(IMixtureModel model, string? dataName)
    {
        var what = CovarianceTypeName(model) is { } type ? $"{Kind(model)} mixture ({type})" : $"{Kind(model)} mixture";
        return $"{model.Components}-component {what}" + (dataName is null ? "" : $" on {dataName}");
    }
}
