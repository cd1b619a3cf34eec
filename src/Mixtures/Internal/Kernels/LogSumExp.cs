using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Mixtures.Internal.Kernels;

/// <summary>Log-sum-exp and responsibilities of rows of weighted log-probabilities.</summary>
internal static class LogSumExp
{
    /// <summary>
    /// Shifted log-probabilities (v - max &lt;= 0) are clamped to this before exp, and exp of the clamp is
    /// set to exactly 0: exp(-708) ~ 3e-308, so responsibilities change by less than 1e-300, and
    /// components that explain a row not at all get exactly zero responsibility.
    /// </summary>
    const double Floor = -708.0;
    static readonly double ExpFloor = ExpNonPositive(Floor);

    /// <summary>ln sum_k exp(v_k), exact for very negative values (shifted by the maximum).</summary>
    public static double Of(ReadOnlySpan<double> v)
    {
        double max = TensorPrimitives.Max(v);
        if (double.IsNegativeInfinity(max)) return double.NegativeInfinity;
        double s = 0;
        for (int i = 0; i < v.Length; i++) s += Math.Exp(v[i] - max);
        return max + Math.Log(s);
    }

    /// <summary>Replaces <paramref name="v"/> by its responsibilities exp(v - lse) and returns lse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Normalize(Span<double> v)
    {
        Span<double> lse = stackalloc double[1];
        NormalizeRows(v, 1, v.Length, lse);
        return lse[0];
    }

    /// <summary>
    /// For each of <paramref name="rows"/> rows of <paramref name="k"/> values in <paramref name="v"/>:
    /// lse[r] = ln sum_k exp(v_rk) and v_rk = exp(v_rk - max_r) / sum_k exp(v_rk - max_r), i.e. the
    /// responsibilities (rows that are all -inf get 1/k and lse -inf). exp is this class's own
    /// polynomial on [-708, 0] (the same operations in every lane and in the scalar tail, so results
    /// depend only on the input: deterministic), compiled fully optimized at first use.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void NormalizeRows(Span<double> v, int rows, int k, Span<double> lse)
    {
        var block = v[..(rows * k)];
        lse = lse[..rows];
        Span<double> sums = rows <= 256 ? stackalloc double[rows] : new double[rows];
        int k8 = Vector512.IsHardwareAccelerated ? k & ~7 : 0;
        for (int r = 0; r < rows; r++)
        {
            var row = block.Slice(r * k, k);
            double max = Max(row, k8);
            lse[r] = max;
            ShiftAndClamp(row, double.IsNegativeInfinity(max) ? 0 : max, k8);   // all -inf: filled below
        }
        ExpBlock(block);
        for (int r = 0; r < rows; r++)
        {
            var row = block.Slice(r * k, k);
            if (double.IsNegativeInfinity(lse[r]))
            {
                row.Fill(1.0 / k);
                sums[r] = 1;   // lse stays -inf
                continue;
            }
            double sum = Sum(row, k8);   // >= 1: the maximum contributes exp(0)
            sums[r] = sum;
            Scale(row, 1.0 / sum, k8);
        }
        LogBlock(sums);
        for (int r = 0; r < rows; r++) lse[r] += sums[r];
    }

    /// <summary>v = ln v for 1 &lt;= v &lt; 2^1023 (row sums of responsibilities' numerators).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    static void LogBlock(Span<double> v)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 8 <= v.Length; i += 8)
            {
                var t = v.Slice(i, 8);
                Log512(Vector512.Create(t)).CopyTo(t);
            }
        for (; i < v.Length; i++) v[i] = LogAtLeastOne(v[i]);
    }

    // ln x for a normal x >= 1: x = 2^e m with m in [sqrt(1/2), sqrt(2)), ln m = 2 atanh(f), f = (m - 1)/(m + 1),
    // |f| <= 0.1716, by its series to f^25 (truncation < 1e-19 relative); e ln 2 in two parts.
    const double Sqrt2 = 1.4142135623730951;
    const double L3 = 1.0 / 3, L5 = 1.0 / 5, L7 = 1.0 / 7, L9 = 1.0 / 9, L11 = 1.0 / 11, L13 = 1.0 / 13, L15 = 1.0 / 15,
        L17 = 1.0 / 17, L19 = 1.0 / 19, L21 = 1.0 / 21, L23 = 1.0 / 23, L25 = 1.0 / 25;

    /// <summary>ln x for normal x &gt;= 1; the scalar twin of <see cref="Log512"/> (bit-identical results).</summary>
    internal static double LogAtLeastOne(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        double e = (bits >> 52) - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e += 1;
        }
        double f = (m - 1) / (m + 1), s = f * f;
        double p = L25;
        p = Math.FusedMultiplyAdd(p, s, L23); p = Math.FusedMultiplyAdd(p, s, L21); p = Math.FusedMultiplyAdd(p, s, L19);
        p = Math.FusedMultiplyAdd(p, s, L17); p = Math.FusedMultiplyAdd(p, s, L15); p = Math.FusedMultiplyAdd(p, s, L13);
        p = Math.FusedMultiplyAdd(p, s, L11); p = Math.FusedMultiplyAdd(p, s, L9); p = Math.FusedMultiplyAdd(p, s, L7);
        p = Math.FusedMultiplyAdd(p, s, L5); p = Math.FusedMultiplyAdd(p, s, L3);
        double lnm = Math.FusedMultiplyAdd(2 * f * s, p, 2 * f);
        return Math.FusedMultiplyAdd(e, Ln2Hi, Math.FusedMultiplyAdd(e, Ln2Lo, lnm));
    }

    /// <summary>ln of 8 normal values &gt;= 1, lane for lane the same operations as <see cref="LogAtLeastOne"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> Log512(Vector512<double> x)
    {
        var bits = x.AsInt64();
        var e = Vector512.ConvertToDouble((bits >>> 52) - Vector512.Create(1023L));
        var m = ((bits & Vector512.Create(0x000FFFFFFFFFFFFFL)) | Vector512.Create(0x3FF0000000000000L)).AsDouble();
        var big = Vector512.GreaterThan(m, Vector512.Create(Sqrt2));
        m = Vector512.ConditionalSelect(big, m * Vector512.Create(0.5), m);
        e = Vector512.ConditionalSelect(big, e + Vector512<double>.One, e);
        var f = (m - Vector512<double>.One) / (m + Vector512<double>.One);
        var s = f * f;
        var p = Vector512.Create(L25);
        p = Vector512.FusedMultiplyAdd(p, s, Vector512.Create(L23)); p = Vector512.FusedMultiplyAdd(p, s, Vector512.Create(L21));
        p = Vector512.FusedMultiplyAdd(p, s, Vector512.Create(L19)); p = Vector512.FusedMultiplyAdd(p, s, Vector512.Create(L17));
        p = Vector512.FusedMultiplyAdd(p, s, Vector512.Create(L15)); p = Vector512.FusedMultiplyAdd(p, s, Vector512.Create(L13));
        p = Vector512.FusedMultiplyAdd(p, s, Vector512.Create(L11)); p = Vector512.FusedMultiplyAdd(p, s, Vector512.Create(L9));
        p = Vector512.FusedMultiplyAdd(p, s, Vector512.Create(L7)); p = Vector512.FusedMultiplyAdd(p, s, Vector512.Create(L5));
        p = Vector512.FusedMultiplyAdd(p, s, Vector512.Create(L3));
        var f2 = Vector512.Create(2.0) * f;
        var lnm = Vector512.FusedMultiplyAdd(f2 * s, p, f2);
        return Vector512.FusedMultiplyAdd(e, Vector512.Create(Ln2Hi), Vector512.FusedMultiplyAdd(e, Vector512.Create(Ln2Lo), lnm));
    }

    /// <summary>v = exp(v) for v in [-708, 0], and exactly 0 where v = -708 (the clamp).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    static void ExpBlock(Span<double> v)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var floor = Vector512.Create(ExpFloor);
            for (; i + 8 <= v.Length; i += 8)
            {
                var t = v.Slice(i, 8);
                var e = Exp512(Vector512.Create(t));
                Vector512.ConditionalSelect(Vector512.LessThanOrEqual(e, floor), Vector512<double>.Zero, e).CopyTo(t);
            }
        }
        for (; i < v.Length; i++)
        {
            double e = ExpNonPositive(v[i]);
            v[i] = e <= ExpFloor ? 0 : e;
        }
    }

    // exp(x) for x in [-708, 0]: x = n ln2 + f, |f| <= ln2 / 2, exp(f) by its Taylor series to degree 13
    // (truncation < 5e-18), times 2^n built in the exponent bits (n >= -1022: a normal number).
    const double Log2E = 1.4426950408889634, Ln2Hi = 0.693147180369123816490, Ln2Lo = 1.90821492927058770002e-10;
    const double C2 = 1.0 / 2, C3 = 1.0 / 6, C4 = 1.0 / 24, C5 = 1.0 / 120, C6 = 1.0 / 720, C7 = 1.0 / 5040, C8 = 1.0 / 40320,
        C9 = 1.0 / 362880, C10 = 1.0 / 3628800, C11 = 1.0 / 39916800, C12 = 1.0 / 479001600, C13 = 1.0 / 6227020800;

    /// <summary>exp(x) for -708 &lt;= x &lt;= 0; the scalar twin of <see cref="Exp512"/> (bit-identical results).</summary>
    internal static double ExpNonPositive(double x)
    {
        double n = Math.Round(x * Log2E);
        double f = Math.FusedMultiplyAdd(-n, Ln2Lo, Math.FusedMultiplyAdd(-n, Ln2Hi, x));
        double p = C13;
        p = Math.FusedMultiplyAdd(p, f, C12); p = Math.FusedMultiplyAdd(p, f, C11); p = Math.FusedMultiplyAdd(p, f, C10);
        p = Math.FusedMultiplyAdd(p, f, C9); p = Math.FusedMultiplyAdd(p, f, C8); p = Math.FusedMultiplyAdd(p, f, C7);
        p = Math.FusedMultiplyAdd(p, f, C6); p = Math.FusedMultiplyAdd(p, f, C5); p = Math.FusedMultiplyAdd(p, f, C4);
        p = Math.FusedMultiplyAdd(p, f, C3); p = Math.FusedMultiplyAdd(p, f, C2); p = Math.FusedMultiplyAdd(p, f, 1.0);
        p = Math.FusedMultiplyAdd(p, f, 1.0);
        return p * BitConverter.Int64BitsToDouble(((long)n + 1023) << 52);
    }

    /// <summary>exp of 8 values in [-708, 0], lane for lane the same operations as <see cref="ExpNonPositive"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> Exp512(Vector512<double> x)
    {
        var n = Vector512.Round(x * Vector512.Create(Log2E));
        var f = Vector512.FusedMultiplyAdd(-n, Vector512.Create(Ln2Lo), Vector512.FusedMultiplyAdd(-n, Vector512.Create(Ln2Hi), x));
        var p = Vector512.Create(C13);
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(C12)); p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(C11));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(C10)); p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(C9));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(C8)); p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(C7));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(C6)); p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(C5));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(C4)); p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(C3));
        p = Vector512.FusedMultiplyAdd(p, f, Vector512.Create(C2)); p = Vector512.FusedMultiplyAdd(p, f, Vector512<double>.One);
        p = Vector512.FusedMultiplyAdd(p, f, Vector512<double>.One);
        var bits = (Vector512.ConvertToInt64(n) + Vector512.Create(1023L)) << 52;
        return p * bits.AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double Max(ReadOnlySpan<double> row, int k8)
    {
        double m = double.NegativeInfinity;
        if (k8 > 0)
        {
            var acc = Vector512.Create(row[..8]);
            for (int j = 8; j < k8; j += 8) acc = Vector512.Max(acc, Vector512.Create(row.Slice(j, 8)));
            var h = Vector256.Max(acc.GetLower(), acc.GetUpper());
            var g = Vector128.Max(h.GetLower(), h.GetUpper());
            m = Math.Max(g.GetElement(0), g.GetElement(1));
        }
        for (int j = k8; j < row.Length; j++) m = Math.Max(m, row[j]);
        return m;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void ShiftAndClamp(Span<double> row, double max, int k8)
    {
        var m = Vector512.Create(max);
        for (int j = 0; j < k8; j += 8)
        {
            var t = row.Slice(j, 8);
            Vector512.Max(Vector512.Create(t) - m, Vector512.Create(Floor)).CopyTo(t);
        }
        for (int j = k8; j < row.Length; j++) row[j] = Math.Max(row[j] - max, Floor);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double Sum(ReadOnlySpan<double> row, int k8)
    {
        double s = 0;
        if (k8 > 0)
        {
            var acc = Vector512.Create(row[..8]);
            for (int j = 8; j < k8; j += 8) acc += Vector512.Create(row.Slice(j, 8));
            s = Vector512.Sum(acc);
        }
        for (int j = k8; j < row.Length; j++) s += row[j];
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Scale(Span<double> row, double f, int k8)
    {
        var vf = Vector512.Create(f);
        for (int j = 0; j < k8; j += 8)
        {
            var t = row.Slice(j, 8);
            (Vector512.Create(t) * vf).CopyTo(t);
        }
        for (int j = k8; j < row.Length; j++) row[j] *= f;
    }
}
