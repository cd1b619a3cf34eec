using Mixtures.Data;
using Mixtures.Internal.Gaussian.Covariance;

namespace Mixtures.Internal.Gaussian.Variational;

/// <summary>
/// Variational Bayes for a Gaussian mixture (scikit-learn's <c>BayesianGaussianMixture</c>) as one more
/// family of the one EM loop. The E-step is the Gaussian evaluator with the expected log-weights and
/// precision terms as its per-component constants; the statistics are the Gaussian family's; the update
/// starts from the Gaussian family's maximum-likelihood estimates and turns them into the posterior
/// (the covariance model gives the covariances' part); the lower bound is computed after the update.
/// </summary>
internal sealed class VariationalFamily : IMixtureFamily<VariationalParameters>, IPosteriorBound<VariationalParameters>
{
    readonly GaussianFamily _gaussian;
    readonly ICovarianceModel _model;
    readonly IVariationalCovariance _posterior;

    public VariationalFamily(ICovarianceModel model, BayesianGaussianMixtureOptions options, IRowSource data, double totalWeight)
    {
        _model = model;
        _posterior = model as IVariationalCovariance
            ?? throw new ArgumentException($"Covariance type {model.Type} has no variational update.", nameof(options));
        _gaussian = new GaussianFamily(model, options.Components, data, totalWeight, options.RegCovar);
        Priors = VariationalPriors.Resolve(options, _posterior, data, totalWeight, _gaussian.DataMean);
    }

    public VariationalPriors Priors { get; }
    public int Components => _gaussian.Components;
    public int Features => _gaussian.Features;
    public int ParameterCount => _gaussian.ParameterCount;

    public IComponentEvaluator CreateEvaluator(VariationalParameters parameters) => new GaussianEvaluator(parameters.Point, parameters.LogWeightTerms);

    public ISufficientStatistics<VariationalParameters> CreateStatistics() =>
        new VariationalStatistics((GaussianStatistics)_gaussian.CreateStatistics());

    /// <summary>
    /// The variational update from the responsibilities' statistics. Components are never re-seeded: switching
    /// off is what the prior is for. Only a covariance that is not positive definite (impossible with a valid
    /// prior and reg_covar, short of overflow) is reported, as fatal.
    /// </summary>
    public VariationalParameters? MStep(ISufficientStatistics<VariationalParameters> total, VariationalParameters? previous, List<Degeneracy> degenerate)
    {
        var (nk, nSum, xbar, scatter) = _gaussian.Estimate(((VariationalStatistics)total).Inner);
        int k = Components, d = Features;
        var pr = Priors;
        double[] concentration = new double[k];
        double[]? concentrationB = null;
        if (pr.Type == WeightConcentrationPriorType.DirichletDistribution)
        {
            for (int c = 0; c < k; c++) concentration[c] = pr.WeightConcentration + nk[c];
        }
        else
        {
            // Stick-breaking truncated at K: a_k = 1 + N_k, b_k = a0 + sum_{j > k} N_j (summed from the last component down).
            concentrationB = new double[k];
            double tail = 0;
            for (int c = k - 1; c >= 0; c--)
            {
                concentration[c] = 1 + nk[c];
                concentrationB[c] = pr.WeightConcentration + tail;
                tail += nk[c];
            }
        }
        var beta = new double[k];
        var means = new double[k * d];
        for (int c = 0; c < k; c++)
        {
            beta[c] = pr.MeanPrecision + nk[c];
            for (int j = 0; j < d; j++)
                means[c * d + j] = (pr.MeanPrecision * pr.Mean[j] + nk[c] * xbar[c * d + j]) / beta[c];
        }
        var cov = new double[_model.Length(k, d)];
        var dof = new double[k];
        _posterior.Posterior(new PosteriorInputs(nk, nSum, xbar, scatter, beta, pr.MeanPrecision, pr.Mean, pr.DegreesOfFreedom, pr.Covariance, k, d), cov, dof);
        var failed = new List<int>();
        var p = VariationalParameters.TryCreate(_model, concentration, concentrationB, beta, means, cov, dof, pr, failed);
        if (p is null)
            degenerate.Add(new Degeneracy(-1, failed[0] < 0
                ? "The shared posterior covariance is not positive definite."
                : $"The posterior covariance of component {failed[0]} is not positive definite.", true));
        return p ?? previous;
    }

    /// <summary>Never called: <see cref="MStep"/> reports no component for re-seeding.</summary>
    public VariationalParameters Reseed(VariationalParameters parameters, int component, ReadOnlySpan<double> point) =>
        throw new InvalidOperationException("A variational fit does not re-seed components.");

    /// <summary>
    /// scikit-learn's bound (the ELBO without its constant terms): -sum r ln r + sum_k [nu_k h_k + nu_k D/2 ln 2
    /// + sum_i lnGamma((nu_k - i) / 2)] + the weights' normalizer - D/2 sum_k ln beta_k, with h_k = ln|U_k| - D/2 ln nu_k;
    /// for tied the bracket once, times K.
    /// </summary>
    public double LowerBound(VariationalParameters p, double responsibilityLogSum)
    {
        int k = p.K, d = p.D;
        int blocks = _posterior.SharedDegreesOfFreedom ? 1 : k;
        double wishart = 0;
        for (int c = 0; c < blocks; c++)
        {
            double nu = p.DegreesOfFreedom[c];
            double h = p.Point.LogDet[c] - 0.5 * d * Math.Log(nu);
            double gammas = 0;
            for (int i = 0; i < d; i++) gammas += SpecialFunctions.LnGamma(0.5 * (nu - i));
            wishart += nu * h + nu * d * 0.5 * Math.Log(2.0) + gammas;
        }
        if (blocks == 1) wishart *= k;
        double weights = 0;
        if (p.ConcentrationB is { } b)
        {
            for (int c = 0; c < k; c++) weights += SpecialFunctions.LnBeta(p.Concentration[c], b[c]);
        }
        else
        {
            double sum = 0;
            foreach (double c in p.Concentration)
            {
                weights += SpecialFunctions.LnGamma(c);
                sum += c;
            }
            weights -= SpecialFunctions.LnGamma(sum);
        }
        double logBeta = 0;
        foreach (double beta in p.MeanPrecision) logBeta += Math.Log(beta);
        return -responsibilityLogSum + wishart + weights - 0.5 * d * logBeta;
    }
}
