namespace Mixtures.Internal;

/// <summary>
/// Optional part of an <see cref="IMixtureFamily{TParams}"/> whose lower bound is not the E-step's mean
/// log-likelihood but is computed after the update, from the new parameters and the responsibilities
/// that produced them (variational Bayes: scikit-learn's <c>BayesianGaussianMixture</c>). The EM loop
/// then sums sum_n w_n sum_k r_nk ln r_nk in its pass and hands it over; everything else in the loop,
/// including the stop rule |bound - previous| &lt; tol, stays the same.
/// </summary>
internal interface IPosteriorBound<TParams> where TParams : class
{
    /// <summary>The bound after an update to <paramref name="updated"/>; <paramref name="responsibilityLogSum"/> = sum_n w_n sum_k r_nk ln r_nk.</summary>
    double LowerBound(TParams updated, double responsibilityLogSum);
}
