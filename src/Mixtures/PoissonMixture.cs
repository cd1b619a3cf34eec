using Microsoft.Extensions.Logging;
using Mixtures.Internal.Fitting;
using Mixtures.Internal.Means;
using Mixtures.Internal.Poisson;

namespace Mixtures;

/// <summary>
/// Mixture of independent Poisson distributions for non-negative integer counts, fitted by
/// expectation-maximization through the same EM loop, options and semantics as
/// <see cref="GaussianMixture"/>. A negative or non-integer count is refused with its row, column and value.
/// </summary>
/// <example>
/// <code>
/// var pmm = new PoissonMixture(new PoissonMixtureOptions { Components = 10, Seed = 0 });
/// PoissonMixtureModel model = pmm.Fit(counts);
/// double[,] rates = model.Rates;
/// </code>
/// </example>
public sealed class PoissonMixture : MixtureEstimator<PoissonMixtureOptions, PoissonMixtureModel>
{
    /// <summary>Creates the estimator; options are validated here.</summary>
    public PoissonMixture(PoissonMixtureOptions options, ILogger? logger = null) : base(options, logger) { }

    private protected override FitPipeline<PoissonMixtureModel> Pipeline =>
        new FitDriver<MeanParameters, PoissonMixtureModel>(new PoissonFitSpec(Options), Options);
}
