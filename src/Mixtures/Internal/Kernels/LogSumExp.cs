using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Mixtures.Internal.Kernels;

/// <summary>Log-sum-exp and responsibilities of rows of weighted log-probabilities.</summary>
internal static class LogSumExp
{
    /// <summary>
    /// Shifted log-probabilities below this are clamped before the vectorized exp (whose fast path
    /// covers |x| &lt;= ~708; beyond that it drops to scalar code), and their exp is set to exactly 0:
    /// exp(-708) ~ 3e-308, so responsibilities change by less than 1e-300.
    /// </summary>
    const double Floor = -708.0;
    static readonly double ExpFloor = ExpOfFloor();

    static double ExpOfFloor()
    {
        Span<double> v = stackalloc double[1];
        v[0] = Floor;
        TensorPrimitives.Exp(v, v);
        return v[0];
    }

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
    public static double Normalize(Span<double> v)
    {
        Span<double> lse = stackalloc double[1];
        NormalizeRows(v, 1, v.Length, lse);
        return lse[0];
    }

    /// <summary>
    /// For each of <paramref name="rows"/> rows of <paramref name="k"/> values in <paramref name="v"/>:
    /// lse[r] = ln sum_k exp(v_rk) and v_rk = exp(v_rk - max_r) / sum_k exp(v_rk - max_r), i.e. the
    /// responsibilities (rows that are all -inf get 1/k and lse -inf). One vectorized exp over the
    /// whole block and one vectorized log over its row sums (TensorPrimitives: the same result for
    /// the same input, so deterministic).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void NormalizeRows(Span<double> v, int rows, int k, Span<double> lse)
    {
        var block = v[..(rows * k)];
        lse = lse[..rows];
        Span<double> sums = rows <= 256 ? stackalloc double[rows] : new double[rows];
        Span<double> logs = rows <= 256 ? stackalloc double[rows] : new double[rows];
        for (int r = 0; r < rows; r++)
        {
            var row = block.Slice(r * k, k);
            double max = Max(row);
            lse[r] = max;
            if (double.IsNegativeInfinity(max)) max = 0;   // all -inf: filled below
            ShiftAndClamp(row, max);
        }
        TensorPrimitives.Exp(block, block);
        for (int r = 0; r < rows; r++) sums[r] = FlushAndSum(block.Slice(r * k, k));
        TensorPrimitives.Log(sums, logs);   // ln of the row sums (>= 1 unless the row is all -inf)
        for (int r = 0; r < rows; r++)
        {
            var row = block.Slice(r * k, k);
            if (double.IsNegativeInfinity(lse[r]))
            {
                row.Fill(1.0 / k);
                continue;
            }
            lse[r] += logs[r];
            Scale(row, 1.0 / sums[r]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double Max(ReadOnlySpan<double> row)
    {
        int j = 0;
        double m = double.NegativeInfinity;
        if (Vector512.IsHardwareAccelerated && row.Length >= 8)
        {
            var acc = Vector512.Create(row[..8]);
            for (j = 8; j + 8 <= row.Length; j += 8) acc = Vector512.Max(acc, Vector512.Create(row.Slice(j, 8)));
            var h = Vector256.Max(acc.GetLower(), acc.GetUpper());
            var g = Vector128.Max(h.GetLower(), h.GetUpper());
            m = Math.Max(g.GetElement(0), g.GetElement(1));
        }
        for (; j < row.Length; j++) m = Math.Max(m, row[j]);
        return m;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void ShiftAndClamp(Span<double> row, double max)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated && row.Length >= 8)
        {
            var m = Vector512.Create(max);
            var f = Vector512.Create(Floor);
            for (; j + 8 <= row.Length; j += 8)
            {
                var s = row.Slice(j, 8);
                Vector512.Max(Vector512.Create(s) - m, f).CopyTo(s);
            }
        }
        for (; j < row.Length; j++) row[j] = Math.Max(row[j] - max, Floor);
    }

    /// <summary>Sets exp values of clamped inputs to 0 and returns the row sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static double FlushAndSum(Span<double> row)
    {
        int j = 0;
        double s = 0;
        if (Vector512.IsHardwareAccelerated && row.Length >= 8)
        {
            var floor = Vector512.Create(ExpFloor);
            var acc = Vector512<double>.Zero;
            for (; j + 8 <= row.Length; j += 8)
            {
                var t = row.Slice(j, 8);
                var e = Vector512.Create(t);
                e = Vector512.ConditionalSelect(Vector512.LessThanOrEqual(e, floor), Vector512<double>.Zero, e);
                e.CopyTo(t);
                acc += e;
            }
            s = Vector512.Sum(acc);
        }
        for (; j < row.Length; j++)
        {
            double e = row[j];
            if (e <= ExpFloor) row[j] = e = 0;
            s += e;
        }
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Scale(Span<double> row, double f)
    {
        int j = 0;
        if (Vector512.IsHardwareAccelerated && row.Length >= 8)
        {
            var vf = Vector512.Create(f);
            for (; j + 8 <= row.Length; j += 8)
            {
                var t = row.Slice(j, 8);
                (Vector512.Create(t) * vf).CopyTo(t);
            }
        }
        for (; j < row.Length; j++) row[j] *= f;
    }
}
