using Mixtures.Cli.Families;

namespace Mixtures.Cli.Output;

/// <summary>What fit, select and demo report about one fitted model (also its --json form).</summary>
internal sealed record FitReport(
    string Family, string CovarianceType, int NComponents, int NFeatures, string[] FeatureNames,
    double[] Weights, double[][] Means, bool Converged, int NIter, double LowerBound, double Bic, double Aic,
    double FitSeconds, int Reseeds, int NSamples, string? Model, int? Seed)
{
    /// <summary>The report of a model fitted on (or scored against) <paramref name="data"/>; streamed data is never re-read (its fit knows its score).</summary>
    public static FitReport From(IMixtureModel model, Io.DataSet data, string? path) =>
        data.InMemory
            ? From(model, data.FeatureNames, data.X, path)
            : Create(model, data.FeatureNames, ((MixtureModel)model).TrainingBic, ((MixtureModel)model).TrainingAic, data.Rows, path);

    public static FitReport From(IMixtureModel model, string[] names, double[,] x, string? path) =>
        Trained(model, x)
            ? Create(model, names, ((MixtureModel)model).TrainingBic, ((MixtureModel)model).TrainingAic, x.GetLength(0), path)
            : Create(model, names, model.Bic(x), model.Aic(x), x.GetLength(0), path);

    private static FitReport Create(IMixtureModel model, string[] names, double bic, double aic, int rows, string? path) => new(
        model.Family, FamilyRegistry.Of(model).CovarianceTypeName(model) ?? "-", model.Components, model.Features, names,
        model.Weights, JsonOut.Rows(model.Means), model.Converged, model.Iterations, model.LowerBound,
        bic, aic, model.FitSeconds, model.Reseeds, rows, path, model.Seed);

    /// <summary>A model just fitted on these rows already knows their score: no second pass over the data.</summary>
    static bool Trained(IMixtureModel model, double[,] x) =>
        model is MixtureModel m && m.TrainingSamples == x.GetLength(0) && double.IsFinite(m.TrainingScore);
}
