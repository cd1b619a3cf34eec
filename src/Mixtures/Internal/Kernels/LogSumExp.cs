using System.Numerics.Tensors;

namespace Mixtures.Internal.Kernels;

/// <summary>Log-sum-exp and responsibilities of one row of weighted log-probabilities.</summary>
internal static class LogSumExp
{
    /// <summary>ln sum_k exp(v_k), exact for very negative values (shifted by the maximum).</summary>
    public static double Of(ReadOnlySpan<double> v)
    {
        double max = TensorPrimitives.Max(v);
        if (double.IsNegativeInfinity(max)) return double.NegativeInfinity;
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += Math.Exp(v[i] - max);
        return max + Math.Log(s);
    }

    /// <summary>Replaces <paramref name="v"/> by exp(v - lse) and returns lse.</summary>
    public static double Normalize(Span<double> v)
    {
        double lse = Of(v);
        if (double.IsNegativeInfinity(lse))
        {
            v.Fill(1.0 / v.Length);
            return lse;
        }
        for (int i = 0; i < v.Length; i++) v[i] = Math.Exp(v[i] - lse);
        return lse;
    }
}
