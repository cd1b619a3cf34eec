namespace Mixtures.Internal.Remote;

/// <summary>
/// A family as a worker needs it: the E-step and the statistics for given parameters, nothing of the
/// M-step, which runs on the coordinator only. The worker's EM loop uses it to run the one local pass.
/// </summary>
internal class PassFamily<TParams>(int components, int features, Func<TParams, IComponentEvaluator> evaluator,
    Func<ISufficientStatistics<TParams>> statistics) : IMixtureFamily<TParams> where TParams : class
{
    public int Components => components;
    public int Features => features;
    public int ParameterCount => throw new NotSupportedException("A worker does not count parameters.");
    public IComponentEvaluator CreateEvaluator(TParams parameters) => evaluator(parameters);
    public ISufficientStatistics<TParams> CreateStatistics() => statistics();

    public TParams? MStep(ISufficientStatistics<TParams> total, TParams? previous, List<Degeneracy> degenerate) =>
        throw new NotSupportedException("The M-step runs on the coordinator.");

    public TParams Reseed(TParams parameters, int component, ReadOnlySpan<double> point) =>
        throw new NotSupportedException("Re-seeding runs on the coordinator.");
}

/// <summary>The same for a family with a posterior bound: the pass then also sums w r ln r (variational fits).</summary>
internal sealed class BoundPassFamily<TParams>(int components, int features, Func<TParams, IComponentEvaluator> evaluator,
    Func<ISufficientStatistics<TParams>> statistics)
    : PassFamily<TParams>(components, features, evaluator, statistics), IPosteriorBound<TParams> where TParams : class
{
    public double LowerBound(TParams updated, double responsibilityLogSum) =>
        throw new NotSupportedException("The bound is computed on the coordinator.");
}
