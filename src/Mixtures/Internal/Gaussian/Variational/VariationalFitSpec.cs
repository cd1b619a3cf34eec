using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Fitting;
using Mixtures.Internal.Gaussian.Covariance;

namespace Mixtures.Internal.Gaussian.Variational;

/// <summary>
/// The variational Gaussian mixture in the fit driver: the family with its priors, no explicit initial
/// parameters (the options refuse them; <c>InitialLabels</c> or the init method start the fit), and a warm
/// start only from a variational fit of the same covariance type and weight prior.
/// </summary>
internal sealed class VariationalFitSpec(BayesianGaussianMixtureOptions options) : IFitSpec<VariationalParameters, BayesianGaussianMixtureModel>
{
    readonly ICovarianceModel _model = CovarianceModels.Get(options.CovarianceType);

    public IRowSource PrepareData(IRowSource rows)
    {
        SourceChecks.RequireData(rows);
        return rows;
    }

    public IMixtureFamily<VariationalParameters> CreateFamily(IRowSource data, double totalWeight) =>
        new VariationalFamily(_model, options, data, totalWeight);

    public string? CheckMean(double value) => null;

    public bool HasExplicitRest => false;

    public VariationalParameters Compose(VariationalParameters? fromData, int k, int d, double[]? weights, double[]? means) =>
        fromData ?? throw new InvalidOperationException("A variational fit always starts from responsibilities.");

    public string WarmStartTerms => "components, covariance type and weight concentration prior type";

    public VariationalParameters? WarmStart(BayesianGaussianMixtureModel previous) =>
        previous.CovarianceType == options.CovarianceType && previous.WeightConcentrationPriorType == options.WeightConcentrationPriorType
            ? previous.Variational : null;

    public BayesianGaussianMixtureModel CreateModel(VariationalParameters parameters, FitInfo info) => new(parameters, info);
}
