using Mixtures.Cli.Families;

namespace Mixtures.Cli.Output;

/// <summary>What fit, select and demo report about one fitted model (also its --json form).</summary>
internal sealed record FitReport(
    string Family, string CovarianceType, int NComponents, int NFeatures, string[] FeatureNames,
    double[] Weights, double[][] Means, bool Converged, int NIter, double LowerBound, double Bic, double Aic,
    double FitSeconds, int Reseeds, int NSamples, string? Model)
{
    public static FitReport From(IMixtureModel model, string[] names, double[,] x, string? path) => new(
        model.Family, FamilyRegistry.Of(model).CovarianceTypeName(model) ?? "-", model.Components, model.Features, names,
        model.Weights, JsonOut.Rows(model.Means), model.Converged, model.Iterations, model.LowerBound,
        Trained(model, x) ? ((MixtureModel)model).TrainingBic : model.Bic(x),
        Trained(model, x) ? ((MixtureModel)model).TrainingAic : model.Aic(x),
        model.FitSeconds, model.Reseeds, x.GetLength(0), path);

    /// <summary>A model just fitted on these rows already knows their score: no second pass over the data.</summary>
    static bool Trained(IMixtureModel model, double[,] x) =>
        model is MixtureModel m && m.TrainingSamples == x.GetLength(0) && double.IsFinite(m.TrainingScore);
}
