using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Mixtures.Internal;
using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Kernels;

namespace Mixtures.Benchmarks;

/// <summary>
/// Measurement-only prototypes (not used by the library) of the "rows in SIMD lanes" layout: the
/// block of rows is transposed once (D x B, B = 64) so that each Vector512 holds 8 rows. The
/// full-covariance E-step in this layout was adopted by the library (Kernels/BlockKernels.Lanes.cs)
/// and its prototype removed; the diagonal E-step and the lane-wise log-sum-exp remain here.
/// `Mixtures.Benchmarks prototype` checks them against the library's kernels and times both.
/// </summary>
public static class Prototypes
{
    public const int B = 64;

    /// <summary>xT[i * B + r] = rows[r * d + i]; rows past count are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transpose(ReadOnlySpan<double> rows, int count, int d, Span<double> xT)
    {
        xT[..(d * B)].Clear();
        for (int r = 0; r < count; r++)
            for (int i = 0; i < d; i++) xT[i * B + r] = rows[r * d + i];
    }

    /// <summary>quad[c * B + r] = sum_i ((x_ri - mu_ci) p_ci)^2 for a transposed block (diag; p = 1/sigma).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DiagQuadratic(ReadOnlySpan<double> xT, int d, int k, ReadOnlySpan<double> means, ReadOnlySpan<double> p,
        Span<double> quad)
    {
        ref double x0 = ref Unsafe.AsRef(in xT[0]);
        for (int c = 0; c < k; c++)
        {
            for (int gg = 0; gg < B; gg += 32)
            {
                Vector512<double> q0 = default, q1 = default, q2 = default, q3 = default;
                for (int i = 0; i < d; i++)
                {
                    var m = Vector512.Create(means[c * d + i]);
                    var pi = Vector512.Create(p[c * d + i]);
                    nuint o = (nuint)(i * B + gg);
                    var t0 = (Vector512.LoadUnsafe(ref x0, o) - m) * pi;
                    var t1 = (Vector512.LoadUnsafe(ref x0, o + 8) - m) * pi;
                    var t2 = (Vector512.LoadUnsafe(ref x0, o + 16) - m) * pi;
                    var t3 = (Vector512.LoadUnsafe(ref x0, o + 24) - m) * pi;
                    q0 = Vector512.FusedMultiplyAdd(t0, t0, q0); q1 = Vector512.FusedMultiplyAdd(t1, t1, q1);
                    q2 = Vector512.FusedMultiplyAdd(t2, t2, q2); q3 = Vector512.FusedMultiplyAdd(t3, t3, q3);
                }
                ref double qo = ref quad[c * B + gg];
                q0.StoreUnsafe(ref qo); q1.StoreUnsafe(ref qo, 8); q2.StoreUnsafe(ref qo, 16); q3.StoreUnsafe(ref qo, 24);
            }
        }
    }

    /// <summary>Diag: the prototype E-step (transpose + DiagQuadratic) against the library's evaluator.</summary>
    public static void CompareDiag(BenchCase c, int rows)
    {
        int d = c.D, k = c.K, n = Math.Min(rows, c.N) / B * B;
        var x = MatrixSpan.Flat(c.X)[..(n * d)].ToArray();
        var p = GaussianParameters.TryCreateFromPrecisions(CovarianceModels.Get(c.Covariance), k, d, c.Weights, MatrixSpan.ToFlat(c.Means),
            MatrixSpan.ToFlat(c.Precisions[0]), [])!;
        var evaluator = new GaussianFamily(CovarianceModels.Get(c.Covariance), k, new ArrayRowSource(c.X, null), c.N, 1e-6).CreateEvaluator(p);
        var lib = new double[n * k];
        var libScratch = new double[evaluator.ScratchLength(B)];
        var xT = new double[d * B];
        var quad = new double[k * B];
        evaluator.WeightedLogProb(x.AsSpan(0, B * d), B, lib, libScratch);
        Transpose(x.AsSpan(0, B * d), B, d, xT);
        DiagQuadratic(xT, d, k, p.Means, p.PrecisionsCholesky, quad);
        double maxRel = 0;
        for (int r = 0; r < B; r++)
            for (int j = 0; j < k; j++)
            {
                double logDet = 0;
                for (int i = 0; i < d; i++) logDet += Math.Log(p.PrecisionsCholesky[j * d + i]);
                double proto = Math.Log(p.Weights[j]) - 0.5 * d * Math.Log(2 * Math.PI) + logDet - 0.5 * quad[j * B + r];
                maxRel = Math.Max(maxRel, Math.Abs(proto - lib[r * k + j]) / Math.Max(1.0, Math.Abs(lib[r * k + j])));
            }
        double libE = Time(() =>
        {
            for (int b = 0; b < n; b += B) evaluator.WeightedLogProb(x.AsSpan(b * d, B * d), B, lib.AsSpan(b * k, B * k), libScratch);
        });
        double protoE = Time(() =>
        {
            for (int b = 0; b < n; b += B)
            {
                Transpose(x.AsSpan(b * d, B * d), B, d, xT);
                DiagQuadratic(xT, d, k, p.Means, p.PrecisionsCholesky, quad);
            }
        });
        double perM = 1e6 / n, flops = 3.0 * n * k * d;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.Name} diag (D={d} K={k}), {n} rows, 1 thread; max rel. diff log-density {maxRel:E1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  E-step   library {libE * perM,8:F4} s/1e6 rows ({flops / libE / 1e9,6:F2} GFLOP/s)   prototype {protoE * perM,8:F4} s/1e6 rows ({flops / protoE / 1e9,6:F2} GFLOP/s)   {libE / protoE,5:F1}x"));
    }

    static double Time(Action a)
    {
        a();
        double best = double.PositiveInfinity, total = 0;
        for (int i = 0; i < 20 && total < 1.5; i++)
        {
            var sw = Stopwatch.StartNew();
            a();
            double t = sw.Elapsed.TotalSeconds;
            total += t;
            best = Math.Min(best, t);
        }
        return best;
    }

    /// <summary>
    /// Lane-wise log-sum-exp over components of v[c * B + r] (in place: responsibilities), lse[r] out.
    /// One exp per (row, component), vectorized.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LogSumExpLanes(Span<double> v, int k, Span<double> lse)
    {
        ref double v0 = ref v[0];
        for (int g = 0; g < B; g += 8)
        {
            var max = Vector512.LoadUnsafe(ref v0, (nuint)g);
            for (int c = 1; c < k; c++) max = Vector512.Max(max, Vector512.LoadUnsafe(ref v0, (nuint)(c * B + g)));
            var sum = Vector512<double>.Zero;
            for (int c = 0; c < k; c++)
            {
                var e = Vector512.Exp(Vector512.LoadUnsafe(ref v0, (nuint)(c * B + g)) - max);
                e.StoreUnsafe(ref v0, (nuint)(c * B + g));
                sum += e;
            }
            var inv = Vector512<double>.One / sum;
            for (int c = 0; c < k; c++)
                (Vector512.LoadUnsafe(ref v0, (nuint)(c * B + g)) * inv).StoreUnsafe(ref v0, (nuint)(c * B + g));
            (max + Vector512.Log(sum)).StoreUnsafe(ref lse[g]);
        }
    }
}
