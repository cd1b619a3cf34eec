using System.CommandLine;
using Mixtures.Cli.Commands;
using Mixtures.Cli.Plotting;

namespace Mixtures.Cli.Families;

/// <summary>Bernoulli mixtures of 0/1 data, with --alpha smoothing and --binarize; drawn as their parameters.</summary>
internal sealed class BernoulliFamily : CliFamily
{
    private static readonly Option<double> Alpha = NumberFlag("--alpha", "bernoulli: smoothing, mu = (sum r x + alpha) / (N_k + 2 alpha).", new BernoulliMixtureOptions().Alpha);

    private static readonly Option<double?> Binarize = new("--binarize")
    { Description = "bernoulli: values >= this become 1, others 0 (default: the data must be 0/1)." };

    private static readonly ParameterStyle Style = new("P(x = 1)", "fraction of 1s", "P(x = 1)  /  fraction of 1s", Probabilities: true);

    public override string Name => "bernoulli";

    public override string DataHint => "0/1 data";

    public override IReadOnlyList<Option> Flags => [Alpha, Binarize];

    /// <summary>The refusal has always named --binarize first.</summary>
    protected override string FlagNames => $"{Binarize.Name} and {Alpha.Name}";

    /// <summary>The data are drawn as the model reads them: binarized at its threshold.</summary>
    public override FamilyPlotter Plotter { get; } =
        new ParameterPlotter(model => Style with { DataThreshold = ((BernoulliMixtureModel)model).BinarizeThreshold });

    public override EstimatorFactory Bind(CommandContext ctx, FitOptionSet set)
    {
        double alpha = NonNegative(ctx, Alpha);
        double? binarize = ctx.Parse.GetValue(Binarize);
        if (binarize is { } t && !double.IsFinite(t)) throw new CliException("--binarize must be a finite number.");
        return (spec, data) =>
        {
            var mixture = new BernoulliMixture(new BernoulliMixtureOptions(spec.Options) { Alpha = alpha, BinarizeThreshold = binarize });
            return Estimator.On(data, mixture.Fit, mixture.InitialModel);
        };
    }
}
