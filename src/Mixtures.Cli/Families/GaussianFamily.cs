using System.CommandLine;
using Mixtures.Cli.Commands;
using Mixtures.Cli.Io;
using Mixtures.Cli.Plotting;

namespace Mixtures.Cli.Families;

/// <summary>Gaussian mixtures: fitted per covariance type with --reg-covar, drawn over their data.</summary>
internal sealed class GaussianFamily : CliFamily
{
    public override string Name => "gaussian";

    public override bool HasCovarianceTypes => true;

    public override FamilyPlotter Plotter { get; } = new GaussianPlotter();

    /// <summary>--bayesian and its priors: a variational fit has no BIC for select to rank it by, so they are fit's only.</summary>
    public override IReadOnlyList<Option> FitFlags => BayesianFlags.All;

    protected override string FlagNames => "--bayesian and the prior flags";

    /// <summary>
    /// --reg-covar is one of the common flags: every family has always accepted and checked it, and only
    /// Gaussian fits use it. With --bayesian (fit only) the estimators are variational.
    /// </summary>
    public override EstimatorFactory Bind(CommandContext ctx, FitOptionSet set)
    {
        if ((set.ForFit ? BayesianFlags.Bind(ctx) : null) is not { } bayes) return Estimators(set.RegCovarOf(ctx), set.StopRuleOf(ctx));
        if (set.StopRuleOf(ctx) == StopRule.Mclust)
            throw new CliException("--stop-rule mclust does not apply to --bayesian: a variational fit stops on its lower bound.");
        if (set.InitOf(ctx) == InitMethod.Hierarchical)
            throw new CliException("--init-params hc does not apply to --bayesian: start from --init-labels or another --init-params.");
        return Variational(bayes, set.RegCovarOf(ctx));
    }

    /// <summary>
    /// Variational estimators (scikit-learn's BayesianGaussianMixture): the priors are checked against the data's
    /// features here, where they are first known. --init's weights and means have no place in a variational start.
    /// </summary>
    private static EstimatorFactory Variational(BayesianSettings bayes, double regCovar) => (spec, data) =>
    {
        if (spec.Initial is not null) throw new CliException("--init does not apply to --bayesian: start from --init-labels or --init-params.");
        var mixture = new BayesianGaussianMixture(bayes.Options(spec.Options, spec.CovarianceType ?? CovarianceType.Full, regCovar, data.Columns));
        return bayes.NamingPriorFile(Estimator.On(data, mixture.Fit, mixture.InitialModel));
    };

    /// <summary>Estimators with this reg_covar (null: the library's default) and stop rule.</summary>
    public EstimatorFactory Estimators(double? regCovar = null, StopRule stopRule = StopRule.Sklearn) => (spec, data) =>
    {
        var options = new GaussianMixtureOptions(spec.Options) { InitialPrecisions = spec.Initial?.Precisions?.Matrices };
        options = options with
        {
            CovarianceType = spec.CovarianceType ?? options.CovarianceType,
            RegCovar = regCovar ?? options.RegCovar,
            StopRule = stopRule,
        };
        var mixture = new GaussianMixture(options);
        return Estimator.On(data, mixture.Fit, spec.Initial is { Precisions: not null } init ? _ => FromInit(init) : mixture.InitialModel);
    };

    /// <summary>Where a fit from --init starts, as a model: the file's weights and means, and the covariances its precisions give.</summary>
    private static GaussianMixtureModel FromInit(InitialParameters init) =>
        GaussianMixtureModel.FromParameters(init.Precisions!.Type, init.Weights, init.Means, init.Covariances());

    public override string Kind(IMixtureModel model) => model is BayesianGaussianMixtureModel ? $"variational {DisplayName}" : DisplayName;

    public override string? CovarianceTypeName(IMixtureModel model) => CovarianceTypes.Name(((GaussianMixtureModel)model).CovarianceType);
}
