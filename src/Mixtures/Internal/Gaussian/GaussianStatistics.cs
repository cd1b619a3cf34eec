using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Gaussian;

/// <summary>
/// Weighted sufficient statistics of one chunk, centred on the current means s_k so that no
/// E[x^2] - mean^2 cancellation happens: R_k = sum r, A_k = sum r (x - s_k) and the second
/// moments Q_k = sum r (x - s_k)(x - s_k)^T (full: lower triangle; diag/spherical: diagonal;
/// tied: none, the M-step uses the data's scatter matrix, which does not change).
/// </summary>
internal sealed class GaussianStatistics : ISufficientStatistics<GaussianParameters>
{
    public GaussianStatistics(CovarianceType type, int k, int d)
    {
        Type = type; K = k; D = d;
        Shift = new double[k * d];
        R = new double[k];
        A = new double[k * d];
        Q = type switch
        {
            CovarianceType.Full => new double[k * d * d],
            CovarianceType.Tied => Array.Empty<double>(),
            _ => new double[k * d],
        };
    }

    public CovarianceType Type { get; }
    public int K { get; }
    public int D { get; }
    public double[] Shift { get; }
    public double[] R { get; }
    public double[] A { get; }
    public double[] Q { get; }

    public int ScratchLength(int rows) => D;

    public void Begin(GaussianParameters current) => Begin(current.Means);

    /// <summary>Clears the sums and centres the next ones on <paramref name="shift"/> (K x D).</summary>
    public void Begin(ReadOnlySpan<double> shift)
    {
        shift.CopyTo(Shift);
        Array.Clear(R);
        Array.Clear(A);
        Array.Clear(Q);
    }

    public void Accumulate(ReadOnlySpan<double> rows, int count, ReadOnlySpan<double> weightedResp, Span<double> scratch)
    {
        int k = K, d = D;
        var xc = scratch[..d];
        for (int c = 0; c < k; c++)
        {
            var s = Shift.AsSpan(c * d, d);
            var a = A.AsSpan(c * d, d);
            double rSum = 0;
            for (int r = 0; r < count; r++)
            {
                double rk = weightedResp[r * k + c];
                if (rk == 0) continue;
                rSum += rk;
                var x = rows.Slice(r * d, d);
                for (int j = 0; j < d; j++) xc[j] = x[j] - s[j];
                QuadraticForms.Axpy(rk, xc, a);
                switch (Type)
                {
                    case CovarianceType.Full:
                        var q = Q.AsSpan(c * d * d, d * d);
                        for (int i = 0; i < d; i++)
                            QuadraticForms.Axpy(rk * xc[i], xc[..(i + 1)], q.Slice(i * d, i + 1));
                        break;
                    case CovarianceType.Diag:
                    case CovarianceType.Spherical:
                        var qd = Q.AsSpan(c * d, d);
                        for (int j = 0; j < d; j++) qd[j] += rk * xc[j] * xc[j];
                        break;
                }
            }
            R[c] += rSum;
        }
    }

    public void Add(ISufficientStatistics<GaussianParameters> other)
    {
        var o = (GaussianStatistics)other;
        for (int i = 0; i < R.Length; i++) R[i] += o.R[i];
        for (int i = 0; i < A.Length; i++) A[i] += o.A[i];
        for (int i = 0; i < Q.Length; i++) Q[i] += o.Q[i];
    }
}
