using System.CommandLine;
using Mixtures.Cli.Families;

namespace Mixtures.Cli.Commands;

/// <summary>
/// The EM options shared by fit and select, with scikit-learn's names and defaults, and --family with every
/// registered family's own flags (<see cref="FamilyRegistry"/>).
/// </summary>
internal sealed class FitOptionSet
{
    public static readonly string[] InitNames = ["kmeans", "k-means++", "random", "random_from_data"];

    public Option<int> MaxIter { get; } = new("--max-iter")
    { Description = "Maximum EM iterations per restart (max_iter).", DefaultValueFactory = _ => 100 };

    public Option<double> Tol { get; } = new("--tol")
    { Description = "Convergence threshold on the change of the mean log-likelihood (tol).", DefaultValueFactory = _ => 1e-3 };

    /// <summary>Used by Gaussian fits only, but accepted and checked with every family, as it always has been.</summary>
    public Option<double> RegCovar { get; } = new("--reg-covar")
    { Description = "Added to the diagonal of every covariance (reg_covar).", DefaultValueFactory = _ => new GaussianMixtureOptions().RegCovar };

    public Option<int> NInit { get; } = new("--n-init")
    { Description = "Number of restarts; the best is kept (n_init).", DefaultValueFactory = _ => 1 };

    public Option<string> InitParams { get; } = new Option<string>("--init-params")
    { Description = "How restarts are initialized.", DefaultValueFactory = _ => "kmeans" }.AcceptOnlyFromAmong(InitNames);

    public Option<string> Seed { get; } = SeedOption.Create("the initialization and restarts");

    public Option<string> Family { get; } = FamilyRegistry.CreateOption();

    public Option<string> Degenerate { get; } = new Option<string>("--degenerate")
    {
        Description = "When a component collapses or empties: re-seed it and go on, or fail (scikit-learn's behaviour).",
        DefaultValueFactory = _ => "reseed",
    }.AcceptOnlyFromAmong("reseed", "error");

    public Option<string[]> Columns { get; } = ColumnsOption();

    /// <summary>Whether the set is fit's, which also takes every family's <see cref="CliFamily.FitFlags"/>.</summary>
    public bool ForFit { get; init; }

    /// <summary>A --columns option: feature columns by name, comma separated or repeated.</summary>
    public static Option<string[]> ColumnsOption() => new("--columns")
    {
        Description = "Feature columns by name (comma separated); default: all.",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { MaxIter, Tol, RegCovar, NInit, InitParams, Seed, Degenerate, Columns, Family }) command.Options.Add(o);
        foreach (var o in FamilyRegistry.All.SelectMany(f => ForFit ? f.Flags.Concat(f.FitFlags) : f.Flags)) command.Options.Add(o);
    }

    /// <summary>The family --family names (the default one when absent).</summary>
    public CliFamily FamilyOf(CommandContext ctx) => FamilyRegistry.Get(ctx.Parse.GetValue(Family) ?? FamilyRegistry.Default.Name);

    /// <summary>The options every family shares, validated; each family's estimators add their own.</summary>
    public MixtureOptions BindCommon(CommandContext ctx)
    {
        Require(ctx.Get(MaxIter) >= 1, "--max-iter must be at least 1.");
        Require(ctx.Get(Tol) is var tol && tol >= 0 && double.IsFinite(tol), "--tol must be a finite number >= 0.");
        Require(ctx.Get(RegCovar) is var reg && reg >= 0 && double.IsFinite(reg), "--reg-covar must be a finite number >= 0.");
        Require(ctx.Get(NInit) >= 1, "--n-init must be at least 1.");
        return new MixtureOptions
        {
            MaxIterations = ctx.Get(MaxIter),
            Tolerance = ctx.Get(Tol),
            NInit = ctx.Get(NInit),
            Init = ParseInit(ctx.Get(InitParams)),
            Seed = SeedOption.Parse(ctx.Get(Seed)),
            Degenerate = ctx.Get(Degenerate) == "error" ? DegenerateHandling.Throw : DegenerateHandling.Reseed,
        };
    }

    private static void Require(bool ok, string message)
    {
        if (!ok) throw new CliException(message);
    }

    private static InitMethod ParseInit(string name) => name switch
    {
        "kmeans" => InitMethod.KMeans,
        "k-means++" => InitMethod.KMeansPlusPlus,
        "random" => InitMethod.Random,
        "random_from_data" => InitMethod.RandomFromData,
        _ => throw new CliException($"--init-params '{name}': use one of {string.Join(", ", InitNames)}."),
    };
}
