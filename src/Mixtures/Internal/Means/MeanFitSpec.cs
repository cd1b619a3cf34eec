using Mixtures.Data;
using Mixtures.Internal.Fitting;

namespace Mixtures.Internal.Means;

/// <summary>
/// The fit-driver hooks the Bernoulli and Poisson mixtures share: weights and means are all their
/// parameters, so explicit ones need no data start, and a warm start needs only the same K and D.
/// </summary>
internal abstract class MeanFitSpec<TModel> : IFitSpec<MeanParameters, TModel> where TModel : MixtureModel
{
    /// <summary>Says what is wrong with a mean value of this family, or null if it is fine.</summary>
    public delegate string? MeanCheck(double value);

    public abstract IRowSource PrepareData(IRowSource rows);
    public abstract IMixtureFamily<MeanParameters> CreateFamily(IRowSource data, double totalWeight);
    public abstract string? CheckMean(double value);
    public abstract TModel CreateModel(MeanParameters parameters, FitInfo info);

    /// <summary>The previous fit's parameters (its K and D were checked by the driver).</summary>
    public abstract MeanParameters? WarmStart(TModel previous);

    public bool HasExplicitRest => true;

    public string WarmStartTerms => "components";

    public MeanParameters Compose(MeanParameters? fromData, int k, int d, double[]? weights, double[]? means) =>
        new(k, d, weights ?? fromData!.Weights, means ?? fromData!.Means);

    /// <summary>Shape and per-value checks of explicit means, naming the entry at fault.</summary>
    public static void CheckMeans(double[,] means, int k, int d, MeanCheck checkMean, string name)
    {
        ParameterChecks.Means(means, k, d, name);
        for (int i = 0; i < k; i++)
            for (int j = 0; j < d; j++)
                if (checkMean(means[i, j]) is { } problem)
                    throw new ArgumentException($"{name}[{i}, {j}] = {means[i, j]}: {problem}", name);
    }
}
