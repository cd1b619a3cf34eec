using Mixtures.Data;

namespace Mixtures.Internal.Fitting;

/// <summary>
/// What a family adds to the one fit driver (<see cref="FitDriver{TParams, TModel}"/>): its data checks,
/// its EM family, how explicit initial parameters complete the ones from initial responsibilities,
/// what a warm start may continue from, and its public model.
/// </summary>
internal interface IFitSpec<TParams, TModel> where TParams : class where TModel : MixtureModel
{
    /// <summary>Checks the data for this family and returns the rows it fits (Bernoulli: binarized).</summary>
    IRowSource PrepareData(IRowSource rows);

    /// <summary>The EM family for these rows (computes what it needs of the data once).</summary>
    IMixtureFamily<TParams> CreateFamily(IRowSource data, double totalWeight);

    /// <summary>Says what is wrong with an explicit initial mean value, or null if it is fine.</summary>
    string? CheckMean(double value);

    /// <summary>Whether the explicit initial parameters beyond weights and means are all given (then no data start is needed).</summary>
    bool HasExplicitRest { get; }

    /// <summary>
    /// The starting parameters from explicit weights and means (checked; null when not given) and the family's
    /// other explicit parameters, completed from <paramref name="fromData"/> (null when every parameter is explicit).
    /// </summary>
    TParams Compose(TParams? fromData, int k, int d, double[]? weights, double[]? means);

    /// <summary>"components" or "components and covariance type": what a warm start must share with the previous fit.</summary>
    string WarmStartTerms { get; }

    /// <summary>The previous fit's parameters when a warm start can continue from them (same K and model), else null.</summary>
    TParams? WarmStart(TModel previous);

    TModel CreateModel(TParams parameters, FitInfo info);

    /// <summary>Whether <see cref="InitMethod.Hierarchical"/> (mclust's Gaussian hc) applies to this family.</summary>
    bool SupportsHierarchical => false;

    /// <summary>The EM loop's stop rule (only the Gaussian family offers mclust's).</summary>
    StopRule Rule => StopRule.Sklearn;
}
