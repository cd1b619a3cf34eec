using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Mixtures.Internal;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Kernels;

namespace Mixtures.Benchmarks;

/// <summary>
/// Measurement-only prototypes (not used by the library) of the "rows in SIMD lanes" layout
/// recommended for the full-covariance E-step: the block of rows is transposed once (D x B, B = 64),
/// then for each component y_j = sum_{i &lt;= j} (x_i - mu_i) U_ij is computed for 8 rows per
/// Vector512 with a 4 (columns) x 4 (row vectors) register tile, and |y|^2 accumulates per lane, so
/// no horizontal sums are needed. Log-sum-exp then runs across components lane-wise with
/// Vector512.Exp. `Mixtures.Benchmarks prototype` checks them against the library's kernels and times both.
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

    /// <summary>
    /// quad[c * B + r] = |(x_r - mu_c) U_c|^2 for a transposed block; U_c upper triangular (zeros below
    /// the diagonal), d a multiple of 4. xc (d * B) is scratch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FullQuadratic(ReadOnlySpan<double> xT, int d, int k, ReadOnlySpan<double> means, ReadOnlySpan<double> u,
        Span<double> quad, Span<double> xc)
    {
        ref double x0 = ref Unsafe.AsRef(in xT[0]);
        ref double xcr = ref xc[0];
        for (int c = 0; c < k; c++)
        {
            for (int i = 0; i < d; i++)
            {
                var m = Vector512.Create(means[c * d + i]);
                for (int g = 0; g < B; g += 8)
                    Vector512.StoreUnsafe(Vector512.LoadUnsafe(ref x0, (nuint)(i * B + g)) - m, ref xcr, (nuint)(i * B + g));
            }
            ref double uc = ref Unsafe.AsRef(in u[c * d * d]);
            for (int gg = 0; gg < B; gg += 32)
            {
                Vector512<double> q0 = default, q1 = default, q2 = default, q3 = default;
                for (int j0 = 0; j0 < d; j0 += 4)
                {
                    Vector512<double> a00 = default, a01 = default, a02 = default, a03 = default;
                    Vector512<double> a10 = default, a11 = default, a12 = default, a13 = default;
                    Vector512<double> a20 = default, a21 = default, a22 = default, a23 = default;
                    Vector512<double> a30 = default, a31 = default, a32 = default, a33 = default;
                    int iEnd = j0 + 4;
                    for (int i = 0; i < iEnd; i++)
                    {
                        nuint o = (nuint)(i * B + gg);
                        var v0 = Vector512.LoadUnsafe(ref xcr, o);
                        var v1 = Vector512.LoadUnsafe(ref xcr, o + 8);
                        var v2 = Vector512.LoadUnsafe(ref xcr, o + 16);
                        var v3 = Vector512.LoadUnsafe(ref xcr, o + 24);
                        ref double ur = ref Unsafe.Add(ref uc, i * d + j0);
                        var u0 = Vector512.Create(ur);
                        var u1 = Vector512.Create(Unsafe.Add(ref ur, 1));
                        var u2 = Vector512.Create(Unsafe.Add(ref ur, 2));
                        var u3 = Vector512.Create(Unsafe.Add(ref ur, 3));
                        a00 = Vector512.FusedMultiplyAdd(v0, u0, a00); a01 = Vector512.FusedMultiplyAdd(v1, u0, a01);
                        a02 = Vector512.FusedMultiplyAdd(v2, u0, a02); a03 = Vector512.FusedMultiplyAdd(v3, u0, a03);
                        a10 = Vector512.FusedMultiplyAdd(v0, u1, a10); a11 = Vector512.FusedMultiplyAdd(v1, u1, a11);
                        a12 = Vector512.FusedMultiplyAdd(v2, u1, a12); a13 = Vector512.FusedMultiplyAdd(v3, u1, a13);
                        a20 = Vector512.FusedMultiplyAdd(v0, u2, a20); a21 = Vector512.FusedMultiplyAdd(v1, u2, a21);
                        a22 = Vector512.FusedMultiplyAdd(v2, u2, a22); a23 = Vector512.FusedMultiplyAdd(v3, u2, a23);
                        a30 = Vector512.FusedMultiplyAdd(v0, u3, a30); a31 = Vector512.FusedMultiplyAdd(v1, u3, a31);
                        a32 = Vector512.FusedMultiplyAdd(v2, u3, a32); a33 = Vector512.FusedMultiplyAdd(v3, u3, a33);
                    }
                    q0 = Vector512.FusedMultiplyAdd(a00, a00, q0); q1 = Vector512.FusedMultiplyAdd(a01, a01, q1);
                    q2 = Vector512.FusedMultiplyAdd(a02, a02, q2); q3 = Vector512.FusedMultiplyAdd(a03, a03, q3);
                    q0 = Vector512.FusedMultiplyAdd(a10, a10, q0); q1 = Vector512.FusedMultiplyAdd(a11, a11, q1);
                    q2 = Vector512.FusedMultiplyAdd(a12, a12, q2); q3 = Vector512.FusedMultiplyAdd(a13, a13, q3);
                    q0 = Vector512.FusedMultiplyAdd(a20, a20, q0); q1 = Vector512.FusedMultiplyAdd(a21, a21, q1);
                    q2 = Vector512.FusedMultiplyAdd(a22, a22, q2); q3 = Vector512.FusedMultiplyAdd(a23, a23, q3);
                    q0 = Vector512.FusedMultiplyAdd(a30, a30, q0); q1 = Vector512.FusedMultiplyAdd(a31, a31, q1);
                    q2 = Vector512.FusedMultiplyAdd(a32, a32, q2); q3 = Vector512.FusedMultiplyAdd(a33, a33, q3);
                }
                ref double qo = ref quad[c * B + gg];
                q0.StoreUnsafe(ref qo); q1.StoreUnsafe(ref qo, 8); q2.StoreUnsafe(ref qo, 16); q3.StoreUnsafe(ref qo, 24);
            }
        }
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
        var p = GaussianParameters.TryCreateFromPrecisions(c.Covariance, k, d, c.Weights, MatrixSpan.ToFlat(c.Means),
            MatrixSpan.ToFlat(c.Precisions[0]), [])!;
        var evaluator = new GaussianFamily(c.Covariance, k, c.X, null, c.N, 1e-6).CreateEvaluator(p);
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

    /// <summary>Checks the prototypes against the library on one block, then times both over <paramref name="rows"/> rows.</summary>
    public static void Compare(BenchCase c, int rows)
    {
        if (c.Covariance != CovarianceType.Full || c.D % 4 != 0) throw new ArgumentException("prototype: full covariance, D a multiple of 4");
        int d = c.D, k = c.K, n = Math.Min(rows, c.N) / B * B;
        var x = MatrixSpan.Flat(c.X)[..(n * d)].ToArray();
        var precisions = c.Precisions.SelectMany(p => MatrixSpan.Flat(p).ToArray()).ToArray();
        var p = GaussianParameters.TryCreateFromPrecisions(c.Covariance, k, d, c.Weights, MatrixSpan.ToFlat(c.Means), precisions, [])!;
        var family = new GaussianFamily(c.Covariance, k, c.X, null, c.N, 1e-6);
        var evaluator = family.CreateEvaluator(p);
        var lib = new double[B * k];
        var libScratch = new double[evaluator.ScratchLength(B)];
        var xT = new double[d * B];
        var xc = new double[d * B];
        var quad = new double[k * B];
        var lse = new double[B];
        var cst = new double[k];
        for (int j = 0; j < k; j++) cst[j] = Math.Log(p.Weights[j]) - 0.5 * d * Math.Log(2 * Math.PI) + p.LogDet[j];

        // agreement on the first block: log-densities and responsibilities
        evaluator.WeightedLogProb(x.AsSpan(0, B * d), B, lib, libScratch);
        Transpose(x.AsSpan(0, B * d), B, d, xT);
        FullQuadratic(xT, d, k, p.Means, p.PrecisionsCholesky, quad, xc);
        double maxRel = 0;
        for (int r = 0; r < B; r++)
            for (int j = 0; j < k; j++)
            {
                double proto = cst[j] - 0.5 * quad[j * B + r];
                maxRel = Math.Max(maxRel, Math.Abs(proto - lib[r * k + j]) / Math.Max(1.0, Math.Abs(lib[r * k + j])));
                quad[j * B + r] = proto;
            }
        double maxRespDiff = 0;
        LogSumExpLanes(quad, k, lse);
        for (int r = 0; r < B; r++)
        {
            var row = lib.AsSpan(r * k, k);
            double l = LogSumExp.Normalize(row);
            maxRespDiff = Math.Max(maxRespDiff, Math.Abs(l - lse[r]) / Math.Max(1.0, Math.Abs(l)));
            for (int j = 0; j < k; j++) maxRespDiff = Math.Max(maxRespDiff, Math.Abs(row[j] - quad[j * B + r]));
        }

        var lpAll = new double[n * k];
        double libE = Time(() =>
        {
            for (int b = 0; b < n; b += B) evaluator.WeightedLogProb(x.AsSpan(b * d, B * d), B, lpAll.AsSpan(b * k, B * k), libScratch);
        });
        double libL = Time(() =>
        {
            for (int r = 0; r < n; r++) { lpAll.AsSpan(r * k, k).CopyTo(lib); LogSumExp.Normalize(lib.AsSpan(0, k)); }
        });
        double protoE = Time(() =>
        {
            for (int b = 0; b < n; b += B)
            {
                Transpose(x.AsSpan(b * d, B * d), B, d, xT);
                FullQuadratic(xT, d, k, p.Means, p.PrecisionsCholesky, quad, xc);
            }
        });
        double protoL = Time(() =>
        {
            for (int b = 0; b < n; b += B) LogSumExpLanes(quad, k, lse);
        });
        double eFlops = (double)n * k * (d * (d + 1.0) + 3.0 * d), perM = 1e6 / n;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.Name} full (D={d} K={k}), {n} rows, 1 thread; max rel. diff log-density {maxRel:E1}, responsibilities/lse {maxRespDiff:E1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  E-step   library {libE * perM,8:F4} s/1e6 rows ({eFlops / libE / 1e9,6:F2} GFLOP/s)   prototype {protoE * perM,8:F4} s/1e6 rows ({eFlops / protoE / 1e9,6:F2} GFLOP/s)   {libE / protoE,5:F1}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  log-sum-exp library {libL * perM,8:F4} s/1e6 rows   prototype {protoL * perM,8:F4} s/1e6 rows   {libL / protoL,5:F1}x"));
    }
}
