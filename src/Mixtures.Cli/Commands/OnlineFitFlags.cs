using System.CommandLine;
using Mixtures.Cli.Families;
using Mixtures.Cli.Io;

namespace Mixtures.Cli.Commands;

/// <summary>
/// fit's <c>--online [--batch-size B] [--passes P] [--step-exponent a]</c>: stepwise EM (<see cref="GaussianMixture.FitOnline"/>)
/// for Gaussian mixtures, reading the rows in order in mini-batches, with an M-step after each.
/// </summary>
internal sealed class OnlineFitFlags
{
    private readonly OnlineEmOptions _defaults = new();

    public Option<bool> Online { get; } = new("--online")
    { Description = "Stepwise (online) EM: an M-step after each mini-batch of rows read in order; one pass fits a stream read once (--max-iter and --tol do not apply)." };

    public Option<int> BatchSize { get; } = new("--batch-size")
    { Description = "Rows per mini-batch of --online.", DefaultValueFactory = _ => new OnlineEmOptions().BatchSize };

    public Option<int> Passes { get; } = new("--passes")
    { Description = "Passes over the rows of --online.", DefaultValueFactory = _ => new OnlineEmOptions().Passes };

    public Option<double> StepExponent { get; } = new("--step-exponent")
    { Description = "a in --online's step size (t + 2)^-a, in (0.5, 1].", DefaultValueFactory = _ => new OnlineEmOptions().StepExponent };

    public IEnumerable<Option> All => [Online, BatchSize, Passes, StepExponent];

    /// <summary>The online options after every check, or null without --online (then its other flags are refused).</summary>
    public OnlineEmOptions? Bind(CommandContext ctx, CliFamily family, FitOptionSet set, bool initLabels, bool snapshots)
    {
        bool Given(Option o) => ctx.Parse.GetResult(o) is { Implicit: false };
        if (!ctx.Get(Online))
        {
            if (Given(BatchSize) || Given(Passes) || Given(StepExponent))
                throw new CliException("--batch-size, --passes and --step-exponent set up --online; add --online or drop them.");
            return null;
        }
        if (family != FamilyRegistry.Default || BayesianFlags.Bind(ctx) is not null)
            throw new CliException($"--online fits Gaussian mixtures by EM only (not --family {family.Name} or --bayesian).");
        if (ctx.Get(set.NInit) != 1) throw new CliException("--online makes one start from the first batch; drop --n-init.");
        if (initLabels) throw new CliException("--online starts from the first batch; --init-labels (one label per row) does not apply.");
        if (snapshots) throw new CliException("--snapshots draws EM iterations; it does not apply to --online.");
        var options = new OnlineEmOptions { BatchSize = ctx.Get(BatchSize), Passes = ctx.Get(Passes), StepExponent = ctx.Get(StepExponent) };
        if (options.BatchSize < 1) throw new CliException($"--batch-size {options.BatchSize}: must be at least 1.");
        if (options.Passes < 1) throw new CliException($"--passes {options.Passes}: must be at least 1.");
        if (!(options.StepExponent > 0.5 && options.StepExponent <= 1))
            throw new CliException($"--step-exponent {options.StepExponent.ToString(System.Globalization.CultureInfo.InvariantCulture)}: must be in (0.5, 1].");
        return options;
    }

    /// <summary>The fit to run: a Gaussian estimator built as fit builds it (--init's precisions, --reg-covar), fitted online.</summary>
    public static Func<IProgress<EmIteration>?, CancellationToken, IMixtureModel> Fit(FitSpec spec, DataSet data, double regCovar, OnlineEmOptions online)
    {
        var options = new GaussianMixtureOptions(spec.Options) { InitialPrecisions = spec.Initial?.Precisions?.Matrices };
        options = options with { CovarianceType = spec.CovarianceType ?? options.CovarianceType, RegCovar = regCovar };
        var mixture = new GaussianMixture(options);
        return (progress, ct) => mixture.FitOnline(data.RowSource, online, progress, ct);
    }
}
