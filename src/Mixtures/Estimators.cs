using Microsoft.Extensions.Logging;
using Mixtures.Internal.Bernoulli;
using Mixtures.Internal.Fitting;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Variational;
using Mixtures.Internal.Means;
using Mixtures.Internal.Poisson;

namespace Mixtures;

// The public estimators: each is its family's options and fit spec plugged into MixtureEstimator.

/// <summary>
/// Gaussian mixture estimator fitted by expectation-maximization, with scikit-learn's options and
/// semantics, plus sample weights, re-seeding of degenerate components and thread-count
/// independent results. Covariance models: <see cref="CovarianceTypes"/>.
/// </summary>
/// <param name="options">The options; validated here.</param>
/// <param name="logger">Receives the non-convergence warning (null: none).</param>
/// <example><code>
/// GaussianMixtureModel model = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 0 }).Fit(x);
/// </code></example>
public sealed partial class GaussianMixture(GaussianMixtureOptions options, ILogger? logger = null)
    : MixtureEstimator<GaussianMixtureOptions, GaussianMixtureModel>(options, logger, o => new FitDriver<GaussianParameters, GaussianMixtureModel>(new GaussianFitSpec(o), o));

/// <summary>
/// Mixture of multivariate Bernoulli distributions (independent binary features per component),
/// fitted through the same EM loop, options and semantics as <see cref="GaussianMixture"/>. Data must
/// be 0/1, or any finite values with <see cref="BernoulliMixtureOptions.BinarizeThreshold"/>.
/// </summary>
/// <param name="options">The options; validated here.</param>
/// <param name="logger">Receives the non-convergence warning (null: none).</param>
public sealed class BernoulliMixture(BernoulliMixtureOptions options, ILogger? logger = null)
    : MixtureEstimator<BernoulliMixtureOptions, BernoulliMixtureModel>(options, logger, o => new FitDriver<MeanParameters, BernoulliMixtureModel>(new BernoulliFitSpec(o), o));

/// <summary>
/// Mixture of independent Poisson distributions for non-negative integer counts, fitted through the
/// same EM loop, options and semantics as <see cref="GaussianMixture"/>; a negative or non-integer
/// count is refused with its row, column and value.
/// </summary>
public sealed class PoissonMixture(PoissonMixtureOptions options, ILogger? logger = null)
    : MixtureEstimator<PoissonMixtureOptions, PoissonMixtureModel>(options, logger, o => new FitDriver<MeanParameters, PoissonMixtureModel>(new PoissonFitSpec(o), o));

/// <summary>
/// Variational Bayesian Gaussian mixture (scikit-learn's <c>BayesianGaussianMixture</c>): with a
/// Dirichlet-process prior, components the data do not need get weights near 0, so K is an upper
/// bound rather than a choice. Fitted through the same EM loop and kernels as <see cref="GaussianMixture"/>.
/// </summary>
/// <param name="options">The options; validated here.</param>
/// <param name="logger">Receives the non-convergence warning (null: none).</param>
/// <example><code>
/// var model = new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { Components = 8, Seed = 0 }).Fit(x);
/// int kept = model.EffectiveComponents();
/// </code></example>
public sealed class BayesianGaussianMixture(BayesianGaussianMixtureOptions options, ILogger? logger = null)
    : MixtureEstimator<BayesianGaussianMixtureOptions, BayesianGaussianMixtureModel>(options, logger, o => new FitDriver<VariationalParameters, BayesianGaussianMixtureModel>(new VariationalFitSpec(o), o));
