using Microsoft.Extensions.Logging;
using Mixtures.Internal.Bernoulli;
using Mixtures.Internal.Fitting;
using Mixtures.Internal.Means;

namespace Mixtures;

/// <summary>
/// Mixture of multivariate Bernoulli distributions (independent binary features per component),
/// fitted by expectation-maximization through the same EM loop, options and semantics as
/// <see cref="GaussianMixture"/>: restarts, sample weights, re-seeding of emptied components and
/// thread-count independent results. Data must be 0/1, or any finite values with
/// <see cref="BernoulliMixtureOptions.BinarizeThreshold"/>.
/// </summary>
/// <example>
/// <code>
/// var bmm = new BernoulliMixture(new BernoulliMixtureOptions { Components = 10, BinarizeThreshold = 8, Seed = 0 });
/// BernoulliMixtureModel model = bmm.Fit(pixels);
/// int[] clusters = model.Predict(pixels);
/// </code>
/// </example>
public sealed class BernoulliMixture : MixtureEstimator<BernoulliMixtureOptions, BernoulliMixtureModel>
{
    /// <summary>Creates the estimator; options are validated here.</summary>
    public BernoulliMixture(BernoulliMixtureOptions options, ILogger? logger = null) : base(options, logger) { }

    private protected override FitPipeline<BernoulliMixtureModel> Pipeline =>
        new FitDriver<MeanParameters, BernoulliMixtureModel>(new BernoulliFitSpec(Options), Options);
}
