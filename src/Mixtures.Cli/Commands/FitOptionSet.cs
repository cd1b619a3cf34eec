using System.CommandLine;
using Mixtures.Cli.Families;

namespace Mixtures.Cli.Commands;

/// <summary>
/// The EM options shared by fit and select, with scikit-learn's names and defaults, and --family with every
/// registered family's own flags (<see cref="FamilyRegistry"/>).
/// </summary>
internal sealed class FitOptionSet
{
    public static readonly string[] InitNames = ["kmeans", "k-means++", "random", "random_from_data", "hc"];

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
    {
        Description = "How restarts are initialized; hc is mclust's deterministic model-based hierarchical start (Gaussian only, O(N^2) on up to 2000 rows).",
        DefaultValueFactory = _ => "kmeans",
    }.AcceptOnlyFromAmong(InitNames);

    public Option<string> StopRuleFlag { get; } = new Option<string>("--stop-rule")
    {
        Description = "When EM stops: sklearn (change of the mean log-likelihood, --tol default 1e-3) or mclust " +
                      "(relative change of the total log-likelihood in mclust's loop order, --tol default 1e-5; Gaussian only).",
        DefaultValueFactory = _ => "sklearn",
    }.AcceptOnlyFromAmong("sklearn", "mclust");

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

    /// <summary>
    /// select's <c>--preset mclust</c>: flags not given take mclust's <c>Mclust</c> defaults (hc start, mclust's stop
    /// rule and tolerance, no iteration limit, reg_covar 0, fail on degeneracy) instead of scikit-learn's.
    /// </summary>
    public bool Mclust { get; set; }

    /// <summary>A --columns option: feature columns by name, comma separated or repeated.</summary>
    public static Option<string[]> ColumnsOption() => new("--columns")
    {
        Description = "Feature columns by name (comma separated); default: all.",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { MaxIter, Tol, RegCovar, NInit, InitParams, StopRuleFlag, Seed, Degenerate, Columns, Family }) command.Options.Add(o);
        foreach (var o in FamilyRegistry.All.SelectMany(f => ForFit ? f.Flags.Concat(f.FitFlags) : f.Flags)) command.Options.Add(o);
    }

    /// <summary>The family --family names (the default one when absent).</summary>
    public CliFamily FamilyOf(CommandContext ctx) => FamilyRegistry.Get(ctx.Parse.GetValue(Family) ?? FamilyRegistry.Default.Name);

    /// <summary>The options every family shares, validated; each family's estimators add their own.</summary>
    public MixtureOptions BindCommon(CommandContext ctx)
    {
        Require(ctx.Get(MaxIter) >= 1, "--max-iter must be at least 1.");
        Require(ctx.Get(Tol) is var tol && tol >= 0 && double.IsFinite(tol), "--tol must be a finite number >= 0.");
        Require(RegCovarOf(ctx) is var reg && reg >= 0 && double.IsFinite(reg), "--reg-covar must be a finite number >= 0.");
        Require(ctx.Get(NInit) >= 1, "--n-init must be at least 1.");
        return new MixtureOptions
        {
            MaxIterations = Given(ctx, MaxIter) || !Mclust ? ctx.Get(MaxIter) : int.MaxValue,   // mclust's itmax is .Machine$integer.max
            Tolerance = TolOf(ctx),
            NInit = ctx.Get(NInit),
            Init = InitOf(ctx),
            Seed = SeedOption.Parse(ctx.Get(Seed)),
            Degenerate = Pick(ctx, Degenerate, "error") == "error" ? DegenerateHandling.Throw : DegenerateHandling.Reseed,
        };
    }

    /// <summary>--reg-covar, or 0 (mclust's) under the preset when not given.</summary>
    public double RegCovarOf(CommandContext ctx) => Given(ctx, RegCovar) || !Mclust ? ctx.Get(RegCovar) : 0;

    /// <summary>--stop-rule (mclust's under the preset when not given).</summary>
    public StopRule StopRuleOf(CommandContext ctx) => Pick(ctx, StopRuleFlag, "mclust") == "mclust" ? StopRule.Mclust : StopRule.Sklearn;

    /// <summary>--init-params (hc under the preset when not given).</summary>
    public InitMethod InitOf(CommandContext ctx) => ParseInit(Pick(ctx, InitParams, "hc"));

    /// <summary>--tol, or the stop rule's default (1e-3 scikit-learn's, 1e-5 mclust's) when not given.</summary>
    public double TolOf(CommandContext ctx) =>
        Given(ctx, Tol) ? ctx.Get(Tol) : new GaussianMixtureOptions { StopRule = StopRuleOf(ctx) }.Tolerance;

    /// <summary>Whether the flag is on the command line (not its default).</summary>
    public static bool Given(CommandContext ctx, Option option) => ctx.Parse.GetResult(option) is { Implicit: false };

    /// <summary>
    /// --stop-rule mclust and --init-params hc are Gaussian: with another family they are refused rather than
    /// silently meaning something else.
    /// </summary>
    public void RequireGaussianFlags(CommandContext ctx, CliFamily family)
    {
        if (family.HasCovarianceTypes) return;
        if (StopRuleOf(ctx) == StopRule.Mclust)
            throw new CliException($"--stop-rule mclust applies to --family {FamilyRegistry.WithCovarianceTypes}, not {family.Name}.");
        if (InitOf(ctx) == InitMethod.Hierarchical)
            throw new CliException($"--init-params hc applies to --family {FamilyRegistry.WithCovarianceTypes}, not {family.Name}.");
    }

    string Pick(CommandContext ctx, Option<string> option, string mclust) => Given(ctx, option) || !Mclust ? ctx.Get(option) : mclust;

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
        "hc" => InitMethod.Hierarchical,
        _ => throw new CliException($"--init-params '{name}': use one of {string.Join(", ", InitNames)}."),
    };
}
