namespace Mixtures.Cli.Fitting;

/// <summary>One fit of a model-selection grid: its K, covariance type, and the model or the reason it failed.</summary>
internal sealed record SelectionEntry(int K, CovarianceType Type, GaussianMixtureModel? Model, double Bic, double Aic, string? Error)
{
    public double Criterion(string name) => name == "aic" ? Aic : Bic;
}
