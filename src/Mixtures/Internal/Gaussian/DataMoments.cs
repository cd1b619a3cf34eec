using Mixtures.Data;
using Mixtures.Internal.Data;
using System.Runtime.Intrinsics;

namespace Mixtures.Internal.Gaussian;

/// <summary>Weighted mean, per-feature variance and (optionally) scatter matrix of the data, two-pass.</summary>
internal static class DataMoments
{
    public static (double[] Mean, double[] Variance, double[] Scatter) Compute(IRowSource source, double totalWeight, bool scatter)
    {
        int d = source.Features;
        var mean = new double[d];
        RowScan.InOrder(source, (_, n, range) =>
        {
            for (int i = 0; i < n; i++) AddScaled(mean, range.Weight(i), range.Values.Slice(i * d, d));
        });
        for (int j = 0; j < d; j++) mean[j] /= totalWeight;
        var variance = new double[d];
        var s = scatter ? new double[d * d] : Array.Empty<double>();
        var xc = new double[d];
        RowScan.InOrder(source, (_, n, range) =>
        {
            for (int i = 0; i < n; i++)
            {
                double wi = range.Weight(i);
                if (wi == 0) continue;
                CenterAddSquares(range.Values.Slice(i * d, d), mean, wi, xc, variance);
                if (scatter)
                    for (int a = 0; a < d; a++)
                    {
                        double t = wi * xc[a];
                        for (int b = 0; b <= a; b++) s[a * d + b] += t * xc[b];
                    }
            }
        });
        for (int j = 0; j < d; j++) variance[j] /= totalWeight;
        if (scatter)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < a; b++) s[b * d + a] = s[a * d + b];
        return (mean, variance, s);
    }

    // Vectorized across columns only: every column is still summed over the rows in row order with the
    // same operations (no fused multiply-add), so the results equal the scalar loops bit for bit.

    /// <summary>acc[j] += w * x[j].</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    static void AddScaled(Span<double> acc, double w, ReadOnlySpan<double> x)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var wv = Vector256.Create(w);
            for (; j <= x.Length - 4; j += 4)
                (Vector256.Create(acc[j..]) + wv * Vector256.Create(x[j..])).CopyTo(acc[j..]);
        }
        for (; j < x.Length; j++) acc[j] += w * x[j];
    }

    /// <summary>xc[j] = x[j] - mean[j]; acc[j] += w * xc[j] * xc[j].</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    static void CenterAddSquares(ReadOnlySpan<double> x, ReadOnlySpan<double> mean, double w, Span<double> xc, Span<double> acc)
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var wv = Vector256.Create(w);
            for (; j <= x.Length - 4; j += 4)
            {
                var c = Vector256.Create(x[j..]) - Vector256.Create(mean[j..]);
                c.CopyTo(xc[j..]);
                (Vector256.Create(acc[j..]) + wv * c * c).CopyTo(acc[j..]);
            }
        }
        for (; j < x.Length; j++)
        {
            xc[j] = x[j] - mean[j];
            acc[j] += w * xc[j] * xc[j];
        }
    }
}
