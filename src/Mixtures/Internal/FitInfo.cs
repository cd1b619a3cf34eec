namespace Mixtures.Internal;

/// <summary>
/// What a fit knows besides the parameters; shared by every family's model. <c>TrainingIcl</c> is
/// ICL of the training rows in scikit-learn's sign, kept as computed (or read) so a model file round-trips it exactly.
/// </summary>
internal sealed record FitInfo(
    double LowerBound, double[] History, bool Converged, int Iterations, int Reseeds,
    double FitSeconds, double TrainingScore, int TrainingSamples, string[]? FeatureNames, int? Seed = null,
    double TrainingIcl = double.NaN)
{
    public static readonly FitInfo None = new(double.NaN, [], false, 0, 0, 0, double.NaN, 0, null);
}
