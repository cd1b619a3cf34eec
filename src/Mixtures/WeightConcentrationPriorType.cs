namespace Mixtures;

/// <summary>The prior on the mixing weights of a <see cref="BayesianGaussianMixture"/> (scikit-learn's <c>weight_concentration_prior_type</c>).</summary>
public enum WeightConcentrationPriorType
{
    /// <summary>
    /// A Dirichlet process (stick-breaking, truncated at K components): with a small concentration prior,
    /// components the data do not need get weights near 0. scikit-learn's default.
    /// </summary>
    DirichletProcess,
    /// <summary>A Dirichlet distribution over the K weights (a finite mixture).</summary>
    DirichletDistribution,
}
