using Mixtures.Internal.Data;
using Mixtures.Internal.Means;

namespace Mixtures.Internal.Poisson;

/// <summary>
/// Mixture of independent Poisson counts: ln p_k(x) = sum_d x_d ln lambda_kd - lambda_kd - ln x_d!,
/// and the M-step lambda_kd = S_kd / N_k + min_rate.
/// </summary>
internal sealed class PoissonFamily(int components, IRowSource data, double totalWeight, double minRate)
    : MeanFamily(components, data, totalWeight)
{
    public override IComponentEvaluator CreateEvaluator(MeanParameters parameters) => CreateEvaluatorFor(parameters);

    /// <summary>c_k = ln w_k - sum_d lambda_kd, b_kd = ln lambda_kd, t(x) = -sum_d ln x_d!.</summary>
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
                double rate = p.Means[c * d + j];
                sum -= rate;
                coefficients[c * d + j] = LinearEvaluator.SafeLog(rate);
            }
            constant[c] = sum;
        }
        return new LinearEvaluator(constant, coefficients, d, LogFactorial.NegativeRowSum);
    }

    protected override double Mean(double weightedSum, double nk) => weightedSum / nk + minRate;

    /// <summary>Half the point, half the data mean, plus the rate floor.</summary>
    protected override double ReseedMean(double point, double dataMean) => 0.5 * (point + dataMean) + minRate;
}
