namespace Mixtures.Cli.Fitting;

/// <summary>One fit of a model-selection grid: its K, its variant, and the model or the reason it failed.</summary>
/// <param name="K">Number of components.</param>
/// <param name="Variant">The covariance type's name, or the family's for a family without covariance types.</param>
/// <param name="Model">The fitted model, or null when the fit failed.</param>
/// <param name="Bic">BIC on the data (NaN when failed).</param>
/// <param name="Aic">AIC on the data (NaN when failed).</param>
/// <param name="Error">Why the fit failed.</param>
/// <param name="Cause">The exception of a failed fit.</param>
internal sealed record SelectionEntry(int K, string Variant, IMixtureModel? Model, double Bic, double Aic, string? Error, Exception? Cause = null)
{
    public double Criterion(string name) => name == "aic" ? Aic : Bic;
}
