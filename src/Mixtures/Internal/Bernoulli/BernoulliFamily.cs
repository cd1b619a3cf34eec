using Mixtures.Internal.Data;
using Mixtures.Internal.Means;

namespace Mixtures.Internal.Bernoulli;

/// <summary>
/// Multivariate Bernoulli mixture: ln p_k(x) = sum_d x_d ln mu_kd + (1 - x_d) ln(1 - mu_kd), and the
/// smoothed M-step mu_kd = (S_kd + alpha) / (N_k + 2 alpha).
/// </summary>
internal sealed class BernoulliFamily(int components, IRowSource data, double totalWeight, double alpha)
    : MeanFamily(components, data, totalWeight)
{
    public override IComponentEvaluator CreateEvaluator(MeanParameters parameters) => CreateEvaluatorFor(parameters);

    /// <summary>c_k = ln w_k + sum_d ln(1 - mu_kd), b_kd = ln mu_kd - ln(1 - mu_kd).</summary>
    public static LinearEvaluator CreateEvaluatorFor(MeanParameters p)
    {
        int k = p.K, d = p.D;
        var constant = new double[k];
        var coefficients = new double[k * d];
        for (int c = 0; c < k; c++)
        {
            double sum = Math.Log(p.Weights[c]);
            for (int j = 0; j < d; j++)
            {
                double mu = p.Means[c * d + j];
                double logMu = LinearEvaluator.SafeLog(mu), logOneMinus = LinearEvaluator.SafeLog(1 - mu);
                sum += logOneMinus;
                coefficients[c * d + j] = logMu - logOneMinus;
            }
            constant[c] = sum;
        }
        return new LinearEvaluator(constant, coefficients, d, null);
    }

    protected override double Mean(double weightedSum, double nk) => (weightedSum + alpha) / (nk + 2 * alpha);

    /// <summary>Half the point, half the data mean, smoothed like one sample.</summary>
    protected override double ReseedMean(double point, double dataMean) => (0.5 * (point + dataMean) + alpha) / (1 + 2 * alpha);
}
