using System.Diagnostics;
using System.Globalization;
using Mixtures.Internal.Kernels;

namespace Mixtures.Benchmarks;

/// <summary>
/// `Mixtures.Benchmarks wide [D] [ROWS] [REPS]`: the wide-D kernel orders against the small-D ones on the same
/// data, interleaved (the fastest of REPS each, so that the load of a shared machine hits both alike), one thread:
/// the E-step's |(x - mu) U|^2 (tile-major, 32-row sub-blocks, vs panel-major, 64-row sub-blocks), the outer
/// products (32-row sub-blocks vs column-blocked whole blocks) and the precision factor (scalar vs blocked).
/// </summary>
public static unsafe class WideKernels
{
    public static int Run(string[] args)
    {
        int d = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        int rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024;
        int reps = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        int ld = BlockKernels.Padded(d);
        var rng = new Random(1);
        double[] xc = Aligned(rows * ld, out var hx), z = Aligned(rows * ld, out var hz), u = Aligned(ld * ld, out var hu);
        double[] pk = Aligned(ld * ld, out var hk), px1 = Aligned(128 * ld, out var hx1), pz1 = Aligned(128 * (ld + 16), out var hz1);
        double[] q = Aligned(ld * ld, out var hq), sq = Aligned(rows * 8, out var hs), dst = Aligned(rows, out var hd);
        for (int r = 0; r < rows; r++) for (int j = 0; j < d; j++) { xc[r * ld + j] = rng.NextDouble() - 0.5; z[r * ld + j] = rng.NextDouble(); }
        for (int i = 0; i < d; i++) for (int j = i; j < d; j++) u[i * ld + j] = rng.NextDouble() - 0.5;
        double flopsE = (double)rows * d * d, flopsQ = (double)rows * d * d;
        fixed (double* px = xc, pz = z, pu = u, pq = q, ps = sq, pd = dst, ppk = pk, ppx1 = px1, ppz1 = pz1)
        {
            double* apx1 = BlockKernels.Align64(ppx1), apz1 = BlockKernels.Align64(ppz1);
            double* apk = BlockKernels.Align64(ppk);
            double* ax = BlockKernels.Align64(px), az = BlockKernels.Align64(pz), au = BlockKernels.Align64(pu);
            double* aq = BlockKernels.Align64(pq), asq = BlockKernels.Align64(ps), ad = BlockKernels.Align64(pd);
            BlockKernels.PackPanels(au, ld, apk);
            double tTile = double.MaxValue, tPanel = double.MaxValue, tOuter = double.MaxValue, tOuterWide = double.MaxValue;
            for (int rep = 0; rep < reps; rep++)
            {
                tTile = Math.Min(tTile, Time(() => { for (int r0 = 0; r0 < rows; r0 += 32) BlockKernels.TriangularSquaredNorms(ax + r0 * ld, ld, 32, au, asq, ad + r0); }));
                tPanel = Math.Min(tPanel, Time(() => { for (int r0 = 0; r0 < rows; r0 += BlockKernels.WideSubBlockRows) BlockKernels.TriangularSquaredNormsWide(ax + r0 * ld, ld, BlockKernels.WideSubBlockRows, apk, asq, ad + r0); }));
                tOuter = Math.Min(tOuter, Time(() => { for (int r0 = 0; r0 < rows; r0 += 32) BlockKernels.LowerOuterProducts(ax + r0 * ld, az + r0 * ld, ld, 32, aq); }));
                tOuterWide = Math.Min(tOuterWide, Time(() => { for (int r0 = 0; r0 < rows; r0 += 128) BlockKernels.LowerOuterProductsWide(ax + r0 * ld, az + r0 * ld, ld, Math.Min(128, rows - r0), aq, apx1, apz1); }));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"D = {d}, {rows} rows, 1 thread, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  E-step tiles (32 rows)      {tTile * 1e3,9:F2} ms  {flopsE / tTile / 1e9,6:F1} GFLOP/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  E-step panels (64 rows)     {tPanel * 1e3,9:F2} ms  {flopsE / tPanel / 1e9,6:F1} GFLOP/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  outer products (32 rows)    {tOuter * 1e3,9:F2} ms  {flopsQ / tOuter / 1e9,6:F1} GFLOP/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  outer products wide (128)   {tOuterWide * 1e3,9:F2} ms  {flopsQ / tOuterWide / 1e9,6:F1} GFLOP/s"));
        }
        // The precision factor of one D x D covariance: blocked (all threads) against the scalar loops (D <= 2000 only).
        var a = new double[d * d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++) a[i * d + j] = a[j * d + i] = (i == j ? d : 0) + Math.Cos(i * 0.37 + j * 1.3);
        var uf = new double[d * d];
        double tBlocked = double.MaxValue;
        for (int rep = 0; rep < Math.Max(1, reps / 2); rep++)
            tBlocked = Math.Min(tBlocked, Time(() => Mixtures.Internal.Kernels.Cholesky.PrecisionFactor(a, uf, d)));
        double flopsF = 2.0 / 3 * d * (double)d * d;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  precision factor, blocked, {Environment.ProcessorCount} threads {tBlocked * 1e3,9:F2} ms  {flopsF / tBlocked / 1e9,6:F1} GFLOP/s (2/3 D^3)"));
        if (d <= 2000)
        {
            double tScalar = Time(() => ScalarPrecisionFactor(a, uf, d));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  precision factor, scalar loops    {tScalar * 1e3,9:F2} ms  {flopsF / tScalar / 1e9,6:F1} GFLOP/s"));
        }
        // Latency of a cancellation requested 100 ms into the factorization (of D >= 1000).
        if (d >= 1000)
        {
            using var cts = new CancellationTokenSource();
            var sw = Stopwatch.StartNew();
            double requested = 0;
            var task = Task.Run(() =>
            {
                using var scope = Mixtures.Internal.FitCancellation.Enter(cts.Token);
                try { Mixtures.Internal.Kernels.Cholesky.PrecisionFactor(a, uf, d); return false; }
                catch (OperationCanceledException) { return true; }
            });
            Thread.Sleep(100);
            requested = sw.Elapsed.TotalSeconds;
            cts.Cancel();
            bool cancelled = task.Result;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cancellation latency            {(sw.Elapsed.TotalSeconds - requested) * 1e3,9:F2} ms  (cancelled: {cancelled})"));
        }
        GC.KeepAlive(hx); GC.KeepAlive(hk); GC.KeepAlive(hx1); GC.KeepAlive(hz1); GC.KeepAlive(hz); GC.KeepAlive(hu); GC.KeepAlive(hq); GC.KeepAlive(hs); GC.KeepAlive(hd);
        return 0;
    }

    /// <summary>The scalar loops the library used before the blocked factor (Cholesky, then forward substitution).</summary>
    static void ScalarPrecisionFactor(double[] a, double[] u, int d)
    {
        var l = new double[d * d];
        for (int j = 0; j < d; j++)
        {
            double s = a[j * d + j];
            for (int k = 0; k < j; k++) s -= l[j * d + k] * l[j * d + k];
            l[j * d + j] = Math.Sqrt(s);
            for (int i = j + 1; i < d; i++)
            {
                double t = a[i * d + j];
                for (int k = 0; k < j; k++) t -= l[i * d + k] * l[j * d + k];
                l[i * d + j] = t / l[j * d + j];
            }
        }
        for (int c = 0; c < d; c++)
            for (int i = c; i < d; i++)
            {
                double s = i == c ? 1.0 : 0.0;
                for (int k = c; k < i; k++) s -= l[i * d + k] * u[c * d + k];
                u[c * d + i] = s / l[i * d + i];
            }
    }

    static double[] Aligned(int n, out double[] keep) => keep = GC.AllocateArray<double>(n + 8, pinned: true);

    static double Time(Action a)
    {
        var sw = Stopwatch.StartNew();
        a();
        return sw.Elapsed.TotalSeconds;
    }
}
