using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Fitting;
using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Initialization;

namespace Mixtures.Internal.Gaussian;

/// <summary>
/// The Gaussian mixture in the fit driver: the covariance model from the registry, explicit initial
/// precisions in scikit-learn's shapes, and a warm start only from a fit of the same covariance type.
/// </summary>
internal sealed class GaussianFitSpec(GaussianMixtureOptions options) : IFitSpec<GaussianParameters, GaussianMixtureModel>
{
    readonly ICovarianceModel _model = CovarianceModels.Get(options.CovarianceType);

    public IRowSource PrepareData(IRowSource rows)
    {
        SourceChecks.RequireData(rows);
        if (_model is MclustCovariance m && m.CheckFeatures(rows.Features) is { } problem)
            throw new ArgumentException(problem, "x");
        return rows;
    }

    public IMixtureFamily<GaussianParameters> CreateFamily(IRowSource data, double totalWeight) =>
        new GaussianFamily(_model, options.Components, data, totalWeight, options.RegCovar);

    public string? CheckMean(double value) => null;   // ParameterChecks.Means already requires finite values

    public bool HasExplicitRest => options.InitialPrecisions is not null;

    public GaussianParameters Compose(GaussianParameters? fromData, int k, int d, double[]? weights, double[]? means)
    {
        weights = weights ?? fromData!.Weights;
        means = means ?? fromData!.Means;
        if (options.InitialPrecisions is not { } ip) return fromData!.WithWeightsAndMeans(weights, means);
        const string name = nameof(GaussianMixtureOptions.InitialPrecisions);
        var precisions = InitialPrecisionShapes.Flatten(ip, _model, k, d);
        var failed = new List<int>();
        return GaussianParameters.TryCreateFromPrecisions(_model, k, d, weights, means, precisions, failed)
            ?? throw new ArgumentException(failed[0] < 0
                ? "InitialPrecisions: the tied precision matrix is not symmetric positive definite."
                : $"InitialPrecisions: the precision of component {failed[0]} is not positive definite.", name);
    }

    public string WarmStartTerms => "components and covariance type";

    public GaussianParameters? WarmStart(GaussianMixtureModel previous) =>
        previous.CovarianceType == options.CovarianceType ? previous.Parameters : null;

    public StopRule Rule => options.StopRule;

    public bool SupportsHierarchical => true;

    public GaussianMixtureModel CreateModel(GaussianParameters parameters, FitInfo info) => new(parameters, info);
}
