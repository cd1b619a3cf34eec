using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Gaussian;

/// <summary>
/// E-step of a Gaussian mixture: ln w_k - D/2 ln 2 pi + ln det U_k - |(x - mu_k) U_k|^2 / 2.
/// Immutable after construction and so safe to share between threads.
/// </summary>
internal sealed class GaussianEvaluator : IComponentEvaluator
{
    static readonly double Log2Pi = Math.Log(2 * Math.PI);
    readonly GaussianParameters _p;
    readonly double[] _constant;
    readonly double[] _spherical;   // spherical: p_k repeated D times per component, so Diagonal() serves both

    public GaussianEvaluator(GaussianParameters p)
    {
        _p = p;
        _constant = new double[p.K];
        for (int k = 0; k < p.K; k++)
            _constant[k] = Math.Log(p.Weights[k]) - 0.5 * p.D * Log2Pi + p.LogDet[k];
        _spherical = Array.Empty<double>();
        if (p.Type == CovarianceType.Spherical)
        {
            _spherical = new double[p.K * p.D];
            for (int k = 0; k < p.K; k++) _spherical.AsSpan(k * p.D, p.D).Fill(p.PrecisionsCholesky[k]);
        }
    }

    public int Components => _p.K;

    public int ScratchLength(int rows) => _p.D;

    public void WeightedLogProb(ReadOnlySpan<double> rows, int count, Span<double> output, Span<double> scratch)
    {
        int k = _p.K, d = _p.D;
        var means = _p.Means.AsSpan();
        for (int c = 0; c < k; c++)
        {
            var mu = means.Slice(c * d, d);
            var dst = output[c..];
            switch (_p.Type)
            {
                case CovarianceType.Full:
                    QuadraticForms.Triangular(rows, count, d, mu, _p.PrecisionsCholesky.AsSpan(c * d * d, d * d), dst, k, scratch);
                    break;
                case CovarianceType.Tied:
                    QuadraticForms.Triangular(rows, count, d, mu, _p.PrecisionsCholesky, dst, k, scratch);
                    break;
                case CovarianceType.Diag:
                    QuadraticForms.Diagonal(rows, count, d, mu, _p.PrecisionsCholesky.AsSpan(c * d, d), dst, k);
                    break;
                default:
                    QuadraticForms.Diagonal(rows, count, d, mu, _spherical.AsSpan(c * d, d), dst, k);
                    break;
            }
            double cst = _constant[c];
            for (int r = 0; r < count; r++) output[r * k + c] = cst - 0.5 * output[r * k + c];
        }
    }
}
