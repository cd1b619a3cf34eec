using Mixtures.Cli.Commands;
using Mixtures.Cli.Io;

namespace Mixtures.Cli.Fitting;

/// <summary>
/// The Bernoulli/Poisson options of fit and select (--family, --alpha, --min-rate, --binarize), validated,
/// and how a fit of that family is run.
/// </summary>
/// <param name="Family">"bernoulli" or "poisson".</param>
/// <param name="Alpha">Bernoulli smoothing.</param>
/// <param name="MinRate">Added to every Poisson rate.</param>
/// <param name="Binarize">Bernoulli binarize threshold, if any.</param>
internal sealed record FamilySettings(string Family, double Alpha, double MinRate, double? Binarize)
{
    /// <summary>The --family value (gaussian when absent).</summary>
    public static string FamilyOf(CommandContext ctx, FitOptionSet set) => ctx.Parse.GetValue(set.Family) ?? "gaussian";

    /// <summary>Reads and checks the family options; options of another family are refused.</summary>
    public static FamilySettings Bind(CommandContext ctx, FitOptionSet set)
    {
        string family = FamilyOf(ctx, set);
        double alpha = ctx.Get(set.Alpha), minRate = ctx.Get(set.MinRate);
        double? binarize = ctx.Parse.GetValue(set.Binarize);
        if (family != "bernoulli" && (binarize is not null || ctx.Parse.GetResult(set.Alpha) is { Implicit: false }))
            throw new CliException($"--binarize and --alpha apply to --family bernoulli, not {family}.");
        if (family != "poisson" && ctx.Parse.GetResult(set.MinRate) is { Implicit: false })
            throw new CliException($"--min-rate applies to --family poisson, not {family}.");
        if (!(alpha >= 0) || !double.IsFinite(alpha)) throw new CliException("--alpha must be a finite number >= 0.");
        if (!(minRate >= 0) || !double.IsFinite(minRate)) throw new CliException("--min-rate must be a finite number >= 0.");
        if (binarize is { } t && !double.IsFinite(t)) throw new CliException("--binarize must be a finite number.");
        return new FamilySettings(family, alpha, minRate, binarize);
    }

    /// <summary>A fit of this family with K components from the common EM options (and --init weights and means, if any).</summary>
    public Func<IProgress<EmIteration>?, CancellationToken, IMixtureModel> Fitter(GaussianMixtureOptions common, int components,
        DataSet data, InitialParameters? initial = null) => Family switch
        {
            "bernoulli" => (progress, ct) => new BernoulliMixture(BernoulliOptions(common, components, initial)).Fit(data.X, data.SampleWeights, progress, ct),
            "poisson" => (progress, ct) => new PoissonMixture(PoissonOptions(common, components, initial)).Fit(data.X, data.SampleWeights, progress, ct),
            _ => throw UnknownFamily(),
        };

    /// <summary>Where a fit of this family starts (iteration 0): the --init weights and means, or the library's initialization for the seed.</summary>
    public IMixtureModel InitialModel(GaussianMixtureOptions common, int components, DataSet data, InitialParameters? initial = null) => Family switch
    {
        "bernoulli" => new BernoulliMixture(BernoulliOptions(common, components, initial)).InitialModel(data.X, data.SampleWeights),
        "poisson" => new PoissonMixture(PoissonOptions(common, components, initial)).InitialModel(data.X, data.SampleWeights),
        _ => throw UnknownFamily(),
    };

    private BernoulliMixtureOptions BernoulliOptions(GaussianMixtureOptions common, int components, InitialParameters? initial) => new()
    {
        Components = components, Tolerance = common.Tolerance, MaxIterations = common.MaxIterations, NInit = common.NInit,
        Init = common.Init, Seed = common.Seed, Degenerate = common.Degenerate, Alpha = Alpha, BinarizeThreshold = Binarize,
        InitialWeights = initial?.Weights, InitialMeans = initial?.Means,
    };

    private PoissonMixtureOptions PoissonOptions(GaussianMixtureOptions common, int components, InitialParameters? initial) => new()
    {
        Components = components, Tolerance = common.Tolerance, MaxIterations = common.MaxIterations, NInit = common.NInit,
        Init = common.Init, Seed = common.Seed, Degenerate = common.Degenerate, MinRate = MinRate,
        InitialWeights = initial?.Weights, InitialMeans = initial?.Means,
    };

    private CliException UnknownFamily() => new($"--family {Family}: use gaussian, bernoulli or poisson.");
}
