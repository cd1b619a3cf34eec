using Mixtures.Data;

namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// What a covariance model adds so that a Gaussian mixture with it can be fitted by variational Bayes
/// (<c>BayesianGaussianMixture</c>): the shape, default and checks of its covariance prior and the
/// posterior covariances and degrees of freedom of the update. Full, tied, diag and spherical implement
/// it; a model that does not cannot be fitted variationally (the options say so).
/// </summary>
internal interface IVariationalCovariance
{
    /// <summary>Shape of the covariance prior (scikit-learn's <c>covariance_prior</c>): [D, D], [D], or [] for one number.</summary>
    int[] PriorShape(int d);

    /// <summary>scikit-learn's default prior: the data's covariance with divisor N - 1, in this model's shape.</summary>
    double[] DefaultPrior(IRowSource data, double totalWeight);

    /// <summary>What is wrong with an explicit prior (flat, in <see cref="PriorShape"/>), or null.</summary>
    string? CheckPrior(ReadOnlySpan<double> prior, int d);

    /// <summary>Whether all components share one covariance and so one degrees of freedom (tied).</summary>
    bool SharedDegreesOfFreedom { get; }

    /// <summary>The posterior covariances Sigma_k (stored layout) and degrees of freedom nu_k (K values, equal when shared).</summary>
    void Posterior(PosteriorInputs inputs, Span<double> covariances, Span<double> degreesOfFreedom);
}

/// <summary>
/// What the posterior of the covariances reads: N_k (with 10 eps) and their sum, the responsibility-weighted
/// means xbar_k and scatter S_k (the maximum-likelihood estimates in the model's layout, reg_covar included),
/// the posterior mean precisions beta_k, and the priors b0, m0, v0 and P0 (flat, in the prior's shape).
/// </summary>
internal sealed record PosteriorInputs(
    double[] Nk, double NSum, double[] Means, double[] Scatter, double[] MeanPrecision,
    double MeanPrecisionPrior, double[] MeanPrior, double DegreesOfFreedomPrior, double[] CovariancePrior, int K, int D)
{
    /// <summary>xbar_kj - m0_j.</summary>
    public double Diff(int c, int j) => Means[c * D + j] - MeanPrior[j];
}
