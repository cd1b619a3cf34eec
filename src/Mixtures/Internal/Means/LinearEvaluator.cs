using System.Numerics.Tensors;

namespace Mixtures.Internal.Means;

/// <summary>
/// E-step of the mixtures whose log-density is linear in x (Bernoulli, Poisson):
/// ln w_k + ln p_k(x) = c_k + x . b_k + t(x), with c_k and b_k fixed per component and t(x) an optional
/// term shared by all components (Poisson: -sum ln x_d!). One matrix product X B^T per block.
/// Immutable after construction and so safe to share between threads.
/// </summary>
internal sealed class LinearEvaluator : IComponentEvaluator
{
    /// <summary>The component-independent part of a row's log-density.</summary>
    public delegate double RowTerm(ReadOnlySpan<double> row);

    /// <summary>A mean's share of c_k (ln-density of x = 0) and its coefficient b_kd.</summary>
    public delegate (double Constant, double Coefficient) MeanTerms(double mean);

    /// <summary>
    /// The evaluator of a mean-parametrized family: c_k = ln w_k + sum_d constant(mu_kd) (summed in feature
    /// order) and b_kd = coefficient(mu_kd).
    /// </summary>
    public static LinearEvaluator For(MeanParameters p, MeanTerms terms, RowTerm? rowTerm)
    {
        int k = p.K, d = p.D;
        var constant = new double[k];
        var coefficients = new double[k * d];
        for (int c = 0; c < k; c++)
        {
            double sum = Math.Log(p.Weights[c]);
            for (int j = 0; j < d; j++)
            {
                var (c0, b) = terms(p.Means[c * d + j]);
                sum += c0;
                coefficients[c * d + j] = b;
            }
            constant[c] = sum;
        }
        return new LinearEvaluator(constant, coefficients, d, rowTerm);
    }

    /// <summary>Stands in for ln 0 so that 0 * ln 0 stays 0 and a forbidden value costs ~745 nats instead of NaN.</summary>
    public const double LogZero = -745.0;

    readonly double[] _constant;
    readonly double[] _coefficients;
    readonly int _d;
    readonly RowTerm? _rowTerm;

    /// <param name="constant">c_k [K].</param>
    /// <param name="coefficients">b_k [K, D] flat.</param>
    /// <param name="features">D.</param>
    /// <param name="rowTerm">t(x), or null for none.</param>
    public LinearEvaluator(double[] constant, double[] coefficients, int features, RowTerm? rowTerm)
    {
        _constant = constant;
        _coefficients = coefficients;
        _d = features;
        _rowTerm = rowTerm;
    }

    public int Components => _constant.Length;

    public int ScratchLength(int rows) => 0;

    /// <summary>ln v, with <see cref="LogZero"/> for 0 (and below).</summary>
    public static double SafeLog(double v) => v > 0 ? Math.Max(Math.Log(v), LogZero) : LogZero;

    public void WeightedLogProb(ReadOnlySpan<double> rows, int count, Span<double> output, Span<double> scratch)
    {
        int k = _constant.Length, d = _d;
        var b = _coefficients.AsSpan();
        for (int r = 0; r < count; r++)
        {
            var x = rows.Slice(r * d, d);
            double t = _rowTerm is null ? 0.0 : _rowTerm(x);
            var o = output.Slice(r * k, k);
            for (int c = 0; c < k; c++)
                o[c] = _constant[c] + TensorPrimitives.Dot(x, b.Slice(c * d, d)) + t;
        }
    }
}
