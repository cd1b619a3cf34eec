namespace Mixtures.Internal;

/// <summary>What a fit knows besides the parameters; shared by every family's model.</summary>
internal sealed record FitInfo(
    double LowerBound, double[] History, bool Converged, int Iterations, int Reseeds,
    double FitSeconds, double TrainingScore, int TrainingSamples, string[]? FeatureNames, int? Seed = null)
{
    public static readonly FitInfo None = new(double.NaN, [], false, 0, 0, 0, double.NaN, 0, null);
}
