using Microsoft.Extensions.Logging;
using Mixtures.Internal.Fitting;
using Mixtures.Internal.Gaussian;

namespace Mixtures;

/// <summary>
/// Gaussian mixture estimator fitted by expectation-maximization, with scikit-learn's options and
/// semantics, plus sample weights, re-seeding of degenerate components and thread-count
/// independent results.
/// </summary>
/// <example>
/// <code>
/// var gmm = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 0 });
/// GaussianMixtureModel model = gmm.Fit(x);
/// int[] labels = model.Predict(x);
/// </code>
/// </example>
public sealed class GaussianMixture : MixtureEstimator<GaussianMixtureOptions, GaussianMixtureModel>
{
    /// <summary>Creates the estimator; options are validated here.</summary>
    public GaussianMixture(GaussianMixtureOptions options, ILogger? logger = null) : base(options, logger) { }

    private protected override FitPipeline<GaussianMixtureModel> Pipeline =>
        new FitDriver<GaussianParameters, GaussianMixtureModel>(new GaussianFitSpec(Options), Options);
}
