namespace Mixtures.Cli.Fitting;

/// <summary>One fit of a model-selection grid: its K, its variant, its criteria, and the model or the reason it failed.</summary>
/// <param name="K">Number of components.</param>
/// <param name="Variant">The covariance type's name, or the family's for a family without covariance types.</param>
/// <param name="Model">The fitted model, or null when the fit failed.</param>
/// <param name="Bic">BIC on the data, scikit-learn's sign (NaN when failed).</param>
/// <param name="Aic">AIC on the data (NaN when failed).</param>
/// <param name="Error">Why the fit failed.</param>
/// <param name="Cause">The exception of a failed fit.</param>
internal sealed record SelectionEntry(int K, string Variant, IMixtureModel? Model, double Bic, double Aic, string? Error, Exception? Cause = null)
{
    /// <summary>ICL on the data, scikit-learn's sign: BIC - 2 sum_i ln max_k z_ik (NaN when failed).</summary>
    public double Icl { get; init; } = double.NaN;

    /// <summary>Total log-likelihood of the data (NaN when failed).</summary>
    public double Loglik { get; init; } = double.NaN;

    /// <summary>Free parameters of the model (null when unknown: a failed fit of a family that does not say).</summary>
    public int? ParameterCount { get; init; }

    /// <summary>The value of criterion "bic", "aic" or "icl".</summary>
    public double Criterion(string name) => name switch
    {
        "aic" => Aic,
        "icl" => Icl,
        _ => Bic,
    };
}
