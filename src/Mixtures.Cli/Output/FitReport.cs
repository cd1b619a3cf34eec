using Mixtures.Cli.Families;

namespace Mixtures.Cli.Output;

/// <summary>What fit, select and demo report about one fitted model (also its --json form).</summary>
/// <remarks>
/// A variational fit (<see cref="BayesianGaussianMixtureModel"/>) reports <c>variational</c> and its effective
/// number of components, and no BIC or AIC (null, so absent from --json), as its model file does: they do
/// not apply to it, and its lower bound is scikit-learn's evidence bound, a total over the data.
/// </remarks>
internal sealed record FitReport(
    string Family, string CovarianceType, int NComponents, int NFeatures, string[] FeatureNames,
    double[] Weights, double[][] Means, bool Converged, int NIter, double LowerBound, double? Bic, double? Aic,
    double FitSeconds, int Reseeds, int NSamples, string? Model, int? Seed, bool? Variational = null, int? EffectiveComponents = null,
    Mixtures.Distributed.ClusterFitReport? Cluster = null)
{
    /// <summary>Below this weight a variational fit's component counts as switched off (scikit-learn users' usual cut).</summary>
    public const double OffWeight = 1e-3;

    /// <summary>The report of a model fitted on (or scored against) <paramref name="data"/>; streamed data is never re-read (its fit knows its score).</summary>
    public static FitReport From(IMixtureModel model, Io.DataSet data, string? path) =>
        data.InMemory
            ? From(model, data.FeatureNames, data.X, path)
            : Create(model, data.FeatureNames, ((MixtureModel)model).TrainingBic, ((MixtureModel)model).TrainingAic, data.Rows, path);

    public static FitReport From(IMixtureModel model, string[] names, double[,] x, string? path) =>
        model is BayesianGaussianMixtureModel || Trained(model, x)
            ? Create(model, names, ((MixtureModel)model).TrainingBic, ((MixtureModel)model).TrainingAic, x.GetLength(0), path)
            : Create(model, names, model.Bic(x), model.Aic(x), x.GetLength(0), path);

    private static FitReport Create(IMixtureModel model, string[] names, double bic, double aic, int rows, string? path)
    {
        var bayes = model as BayesianGaussianMixtureModel;
        return new(
            model.Family, FamilyRegistry.Of(model).CovarianceTypeName(model) ?? "-", model.Components, model.Features, names,
            model.Weights, JsonOut.Rows(model.Means), model.Converged, model.Iterations, model.LowerBound,
            bayes is not null ? null : bic, bayes is not null ? null : aic, model.FitSeconds, model.Reseeds, rows, path, model.Seed,
            bayes is not null ? true : null, bayes?.EffectiveComponents(OffWeight));
    }

    /// <summary>A model just fitted on these rows already knows their score: no second pass over the data.</summary>
    static bool Trained(IMixtureModel model, double[,] x) =>
        model is MixtureModel m && m.TrainingSamples == x.GetLength(0) && double.IsFinite(m.TrainingScore);
}
