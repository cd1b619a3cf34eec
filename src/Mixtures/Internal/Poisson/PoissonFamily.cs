using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Means;

namespace Mixtures.Internal.Poisson;

/// <summary>
/// Mixture of independent Poisson counts: ln p_k(x) = sum_d x_d ln lambda_kd - lambda_kd - ln x_d!,
/// and the M-step lambda_kd = S_kd / N_k + min_rate.
/// </summary>
internal sealed class PoissonFamily(int components, IRowSource data, double totalWeight, double minRate)
    : MeanFamily(components, data, totalWeight, Terms, LogFactorial.NegativeRowSum)
{
    /// <summary>ln p(x_d) = -lambda + x_d ln lambda - ln x_d! (the last term is the row term): the constant and the coefficient.</summary>
    public static (double Constant, double Coefficient) Terms(double rate) => (-rate, LinearEvaluator.SafeLog(rate));

    protected override double Mean(double weightedSum, double nk) => weightedSum / nk + minRate;

    /// <summary>Half the point, half the data mean, plus the rate floor.</summary>
    protected override double ReseedMean(double point, double dataMean) => 0.5 * (point + dataMean) + minRate;
}
