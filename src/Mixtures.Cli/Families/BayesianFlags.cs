using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mixtures.Cli.Io;

namespace Mixtures.Cli.Families;

/// <summary>
/// fit's --bayesian and its prior flags (scikit-learn's BayesianGaussianMixture): the Gaussian family binds
/// them and, with --bayesian, builds a variational fit instead of a maximum-likelihood one.
/// </summary>
internal static class BayesianFlags
{
    private static readonly string[] PriorTypes = ["dirichlet-process", "dirichlet-distribution"];

    public static readonly Option<string?> Bayesian = new Option<string?>("--bayesian")
    {
        Description = "gaussian: fit by variational Bayes with this weight prior (scikit-learn's BayesianGaussianMixture); " +
                      "-k is then an upper bound and unneeded components switch off.",
    }.AcceptOnlyFromAmong(PriorTypes);

    private static readonly Option<double?> WeightConcentration = new("--weight-concentration-prior")
    { Description = "--bayesian: concentration of the weight prior, > 0 (default 1/K); smaller switches more components off." };

    private static readonly Option<double?> MeanPrecision = new("--mean-precision-prior")
    { Description = "--bayesian: precision of the means' prior, > 0 (default 1)." };

    private static readonly Option<double?> DegreesOfFreedom = new("--degrees-of-freedom-prior")
    { Description = "--bayesian: degrees of freedom of the Wishart prior, > D - 1 (default D)." };

    private static readonly Option<string?> MeanPrior = new("--mean-prior")
    { Description = "--bayesian: mean of the means' prior, D numbers 'a,b,c' (default: the data mean)." };

    private static readonly Option<string?> CovariancePrior = new("--covariance-prior")
    { Description = "--bayesian: JSON file with the covariance prior: D x D matrix (full, tied), D numbers (diag) or a number (spherical); default: the data covariance." };

    /// <summary>The priors, which mean nothing without --bayesian.</summary>
    private static readonly Option[] Priors = [WeightConcentration, MeanPrecision, DegreesOfFreedom, MeanPrior, CovariancePrior];

    /// <summary>--bayesian then its priors, in help order.</summary>
    public static IReadOnlyList<Option> All { get; } = [Bayesian, .. Priors];

    /// <summary>
    /// The variational fit the flags ask for, or null without --bayesian; a prior given without it is
    /// refused, and the numbers and the covariance prior file are checked before any data is read.
    /// </summary>
    public static BayesianSettings? Bind(CommandContext ctx)
    {
        var type = ctx.Get(Bayesian);
        if (type is null)
        {
            var given = Priors.FirstOrDefault(p => ctx.Parse.GetResult(p) is { Implicit: false });
            return given is null ? null : throw new CliException($"{given.Name} applies to a variational fit: add --bayesian {string.Join(" or ", PriorTypes)}.");
        }
        var meanPrior = ctx.Get(MeanPrior) is { } m ? ParseVector(m) : null;
        var covariancePath = ctx.Get(CovariancePrior);
        return new BayesianSettings(
            type == PriorTypes[0] ? WeightConcentrationPriorType.DirichletProcess : WeightConcentrationPriorType.DirichletDistribution,
            Positive(ctx, WeightConcentration), Positive(ctx, MeanPrecision), Finite(ctx, DegreesOfFreedom), meanPrior,
            covariancePath, covariancePath is null ? null : CovariancePriorReader.Read(covariancePath));
    }

    private static double? Positive(CommandContext ctx, Option<double?> flag) =>
        ctx.Get(flag) is not { } v || (v > 0 && double.IsFinite(v)) ? ctx.Get(flag) : throw new CliException($"{flag.Name} must be a finite number > 0.");

    private static double? Finite(CommandContext ctx, Option<double?> flag) =>
        ctx.Get(flag) is not { } v || double.IsFinite(v) ? ctx.Get(flag) : throw new CliException($"{flag.Name} must be a finite number.");

    private static double[] ParseVector(string text) =>
        text.Split(',').Select(s => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new CliException($"--mean-prior '{text}': expected finite numbers separated by commas, such as 2.5,60.")).ToArray();
}

/// <summary>What --bayesian and its priors ask for; null priors take scikit-learn's defaults.</summary>
/// <param name="Type">The weight prior.</param>
/// <param name="WeightConcentration">--weight-concentration-prior.</param>
/// <param name="MeanPrecision">--mean-precision-prior.</param>
/// <param name="DegreesOfFreedom">--degrees-of-freedom-prior.</param>
/// <param name="Mean">--mean-prior (its length is checked against the data's features).</param>
/// <param name="CovariancePath">--covariance-prior, for messages.</param>
/// <param name="Covariance">That file's JSON value (its shape is checked against the covariance type and the data's features).</param>
internal sealed record BayesianSettings(WeightConcentrationPriorType Type, double? WeightConcentration, double? MeanPrecision,
    double? DegreesOfFreedom, double[]? Mean, string? CovariancePath, JsonElement? Covariance)
{
    /// <summary>The library's options for a fit on <paramref name="features"/> features, the priors checked against them.</summary>
    public BayesianGaussianMixtureOptions Options(MixtureOptions common, CovarianceType type, double regCovar, int features)
    {
        if (Mean is { } m && m.Length != features)
            throw new CliException($"--mean-prior has {m.Length} numbers but the data has {features} features.");
        if (DegreesOfFreedom is { } v && !(v > features - 1))
            throw new CliException($"--degrees-of-freedom-prior must be greater than D - 1 = {features - 1}.");
        return new BayesianGaussianMixtureOptions(common)
        {
            CovarianceType = type,
            RegCovar = regCovar,
            WeightConcentrationPriorType = Type,
            WeightConcentrationPrior = WeightConcentration,
            MeanPrecisionPrior = MeanPrecision,
            DegreesOfFreedomPrior = DegreesOfFreedom,
            MeanPrior = Mean,
            CovariancePrior = Covariance is { } c ? CovariancePriorReader.Shape(c, CovariancePath!, type, features) : null,
        };
    }

    /// <summary>
    /// The estimator with the library's objections to an explicit covariance prior (checked only once the fit
    /// has the data, for example "must be positive definite") naming the --covariance-prior file, not the data.
    /// </summary>
    public Estimator NamingPriorFile(Estimator estimator) => CovariancePath is null ? estimator : estimator with
    {
        Fit = (progress, ct) =>
        {
            try
            {
                return estimator.Fit(progress, ct);
            }
            catch (ArgumentException e) when (e.ParamName == nameof(BayesianGaussianMixtureOptions.CovariancePrior))
            {
                throw new CliException($"{Path.GetFileName(CovariancePath)}: {ErrorReporter.Classify(e).Message}", ExitCodes.BadInput, e);
            }
        },
    };
}
