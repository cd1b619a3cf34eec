using System.CommandLine;
using Mixtures.Cli.Commands;
using Mixtures.Cli.Plotting;

namespace Mixtures.Cli.Families;

/// <summary>Poisson mixtures of non-negative integer counts, with --min-rate; drawn as their rates.</summary>
internal sealed class PoissonFamily : CliFamily
{
    private static readonly Option<double> MinRate = NumberFlag("--min-rate", "poisson: added to every rate, lambda = sum r x / N_k + min_rate.", new PoissonMixtureOptions().MinRate);

    public override string Name => "poisson";

    public override string DataHint => "non-negative integer counts";

    public override IReadOnlyList<Option> Flags => [MinRate];

    public override FamilyPlotter Plotter { get; } =
        new ParameterPlotter(_ => new ParameterStyle("rate λ (mean count)", "mean count", "rate λ  /  mean count", Probabilities: false));

    public override EstimatorFactory Bind(CommandContext ctx, FitOptionSet set)
    {
        double minRate = NonNegative(ctx, MinRate);
        return (spec, data) =>
        {
            var mixture = new PoissonMixture(new PoissonMixtureOptions(spec.Options) { MinRate = minRate });
            return Estimator.On(data, mixture.Fit, mixture.InitialModel);
        };
    }
}
