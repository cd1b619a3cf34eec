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

    /// <summary>
    /// --reg-covar is one of the common flags: every family has always accepted and checked it, and only
    /// Gaussian fits use it. This family has no flags of its own to refuse elsewhere.
    /// </summary>
    public override EstimatorFactory Bind(CommandContext ctx, FitOptionSet set) => Estimators(ctx.Get(set.RegCovar));

    /// <summary>Estimators with this reg_covar (null: the library's default).</summary>
    public EstimatorFactory Estimators(double? regCovar = null) => (spec, data) =>
    {
        var options = new GaussianMixtureOptions(spec.Options) { InitialPrecisions = spec.Initial?.Precisions?.Matrices };
        options = options with
        {
            CovarianceType = spec.CovarianceType ?? options.CovarianceType,
            RegCovar = regCovar ?? options.RegCovar,
        };
        var mixture = new GaussianMixture(options);
        return Estimator.On(data, mixture.Fit, spec.Initial is { Precisions: not null } init ? (_, _) => FromInit(init) : mixture.InitialModel);
    };

    /// <summary>Where a fit from --init starts, as a model: the file's weights and means, and the covariances its precisions give.</summary>
    private static GaussianMixtureModel FromInit(InitialParameters init) =>
        GaussianMixtureModel.FromParameters(init.Precisions!.Type, init.Weights, init.Means, init.Covariances());

    public override string? CovarianceTypeName(IMixtureModel model) => CovarianceTypes.Name(((GaussianMixtureModel)model).CovarianceType);
}
