using System.CommandLine;

namespace Mixtures.Cli.Commands;

/// <summary>The EM options shared by fit, select and demo, with scikit-learn's names and defaults.</summary>
internal sealed class FitOptionSet
{
    public static readonly string[] InitNames = ["kmeans", "k-means++", "random", "random_from_data"];

    public Option<int> MaxIter { get; } = new("--max-iter")
    { Description = "Maximum EM iterations per restart (max_iter).", DefaultValueFactory = _ => 100 };

    public Option<double> Tol { get; } = new("--tol")
    { Description = "Convergence threshold on the change of the mean log-likelihood (tol).", DefaultValueFactory = _ => 1e-3 };

    public Option<double> RegCovar { get; } = new("--reg-covar")
    { Description = "Added to the diagonal of every covariance (reg_covar).", DefaultValueFactory = _ => 1e-6 };

    public Option<int> NInit { get; } = new("--n-init")
    { Description = "Number of restarts; the best is kept (n_init).", DefaultValueFactory = _ => 1 };

    public Option<string> InitParams { get; } = new Option<string>("--init-params")
    { Description = "How restarts are initialized.", DefaultValueFactory = _ => "kmeans" }.AcceptOnlyFromAmong(InitNames);

    public Option<int?> Seed { get; } = new("--seed")
    { Description = "Random seed; the same seed gives the same model." };

    public Option<string> Family { get; } = new Option<string>("--family")
    { Description = "Mixture family: gaussian, bernoulli (0/1 data) or poisson (non-negative integer counts).", DefaultValueFactory = _ => "gaussian" }
        .AcceptOnlyFromAmong("gaussian", "bernoulli", "poisson");

    public Option<double> Alpha { get; } = new("--alpha")
    { Description = "bernoulli: smoothing, mu = (sum r x + alpha) / (N_k + 2 alpha).", DefaultValueFactory = _ => 0.01 };

    public Option<double> MinRate { get; } = new("--min-rate")
    { Description = "poisson: added to every rate, lambda = sum r x / N_k + min_rate.", DefaultValueFactory = _ => 1e-6 };

    public Option<double?> Binarize { get; } = new("--binarize")
    { Description = "bernoulli: values >= this become 1, others 0 (default: the data must be 0/1)." };

    public Option<string> Degenerate { get; } = new Option<string>("--degenerate")
    {
        Description = "When a component collapses or empties: re-seed it and go on, or fail (scikit-learn's behaviour).",
        DefaultValueFactory = _ => "reseed",
    }.AcceptOnlyFromAmong("reseed", "error");

    public Option<string[]> Columns { get; } = ColumnsOption();

    /// <summary>A --columns option: feature columns by name, comma separated or repeated.</summary>
    public static Option<string[]> ColumnsOption() => new("--columns")
    {
        Description = "Feature columns by name (comma separated); default: all.",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command, bool family = true)
    {
        foreach (var o in new Option[] { MaxIter, Tol, RegCovar, NInit, InitParams, Seed, Degenerate, Columns }) command.Options.Add(o);
        if (family) foreach (var o in new Option[] { Family, Alpha, MinRate, Binarize }) command.Options.Add(o);
    }

    /// <summary>The family-independent options (carried in a <see cref="GaussianMixtureOptions"/>), validated.</summary>
    public GaussianMixtureOptions BindCommon(CommandContext ctx)
    {
        Require(ctx.Get(MaxIter) >= 1, "--max-iter must be at least 1.");
        Require(ctx.Get(Tol) is var tol && tol >= 0 && double.IsFinite(tol), "--tol must be a finite number >= 0.");
        Require(ctx.Get(RegCovar) is var reg && reg >= 0 && double.IsFinite(reg), "--reg-covar must be a finite number >= 0.");
        Require(ctx.Get(NInit) >= 1, "--n-init must be at least 1.");
        return new GaussianMixtureOptions
        {
            MaxIterations = ctx.Get(MaxIter),
            Tolerance = ctx.Get(Tol),
            RegCovar = ctx.Get(RegCovar),
            NInit = ctx.Get(NInit),
            Init = ParseInit(ctx.Get(InitParams)),
            Seed = ctx.Parse.GetValue(Seed),
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
