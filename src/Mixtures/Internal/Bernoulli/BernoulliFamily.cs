using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Means;

namespace Mixtures.Internal.Bernoulli;

/// <summary>
/// Multivariate Bernoulli mixture: ln p_k(x) = sum_d x_d ln mu_kd + (1 - x_d) ln(1 - mu_kd), and the
/// smoothed M-step mu_kd = (S_kd + alpha) / (N_k + 2 alpha).
/// </summary>
internal sealed class BernoulliFamily(int components, IRowSource data, double totalWeight, double alpha)
    : MeanFamily(components, data, totalWeight, Terms, null)
{
    /// <summary>ln p(x_d) = ln(1 - mu) + x_d (ln mu - ln(1 - mu)): the constant and the coefficient of x_d.</summary>
    public static (double Constant, double Coefficient) Terms(double mu)
    {
        double logMu = LinearEvaluator.SafeLog(mu), logOneMinus = LinearEvaluator.SafeLog(1 - mu);
        return (logOneMinus, logMu - logOneMinus);
    }

    protected override double Mean(double weightedSum, double nk) => (weightedSum + alpha) / (nk + 2 * alpha);

    /// <summary>Half the point, half the data mean, smoothed like one sample.</summary>
    protected override double ReseedMean(double point, double dataMean) => (0.5 * (point + dataMean) + alpha) / (1 + 2 * alpha);
}
