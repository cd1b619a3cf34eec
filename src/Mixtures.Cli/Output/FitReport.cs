using Mixtures.Cli.Commands;

namespace Mixtures.Cli.Output;

/// <summary>What fit, select and demo report about one fitted model (also its --json form).</summary>
internal sealed record FitReport(
    string Family, string CovarianceType, int NComponents, int NFeatures, string[] FeatureNames,
    double[] Weights, double[][] Means, bool Converged, int NIter, double LowerBound, double Bic, double Aic,
    double FitSeconds, int Reseeds, int NSamples, string? Model)
{
    public static FitReport From(IMixtureModel model, string[] names, double[,] x, string? path) => new(
        model.Family, model is GaussianMixtureModel g ? FitOptionSet.Name(g.CovarianceType) : "-", model.Components, model.Features, names,
        model.Weights, JsonOut.Rows(model.Means), model.Converged, model.Iterations, model.LowerBound,
        model.Bic(x), model.Aic(x), model.FitSeconds, model.Reseeds, x.GetLength(0), path);
}
