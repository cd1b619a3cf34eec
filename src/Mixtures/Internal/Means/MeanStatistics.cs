using System.Numerics.Tensors;

namespace Mixtures.Internal.Means;

/// <summary>
/// Per-chunk sufficient statistics of the mixtures whose M-step needs only weighted sums
/// (Bernoulli, Poisson): R_k = sum_n r_nk and S_k = sum_n r_nk x_n. No centring is needed: the
/// M-step divides, it never subtracts moments.
/// </summary>
internal sealed class MeanStatistics<TParams> : ISufficientStatistics<TParams>
{
    public MeanStatistics(int k, int d)
    {
        K = k;
        D = d;
        R = new double[k];
        S = new double[k * d];
    }

    public int K { get; }
    public int D { get; }
    public double[] R { get; }
    public double[] S { get; }

    public int ScratchLength(int rows) => 0;

    public void Begin(TParams? current)
    {
        Array.Clear(R);
        Array.Clear(S);
    }

    public void Accumulate(ReadOnlySpan<double> rows, int count, ReadOnlySpan<double> weightedResp, Span<double> scratch)
    {
        int k = K, d = D;
        var s = S.AsSpan();
        for (int r = 0; r < count; r++)
        {
            var x = rows.Slice(r * d, d);
            for (int c = 0; c < k; c++)
            {
                double rk = weightedResp[r * k + c];
                if (rk == 0) continue;
                R[c] += rk;
                var sc = s.Slice(c * d, d);
                TensorPrimitives.MultiplyAdd(x, rk, sc, sc);
            }
        }
    }

    public void Add(ISufficientStatistics<TParams> other)
    {
        var o = (MeanStatistics<TParams>)other;
        for (int i = 0; i < R.Length; i++) R[i] += o.R[i];
        for (int i = 0; i < S.Length; i++) S[i] += o.S[i];
    }
}
