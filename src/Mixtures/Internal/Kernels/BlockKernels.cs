using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Mixtures.Internal.Kernels;

/// <summary>
/// Register-blocked AVX-512 (Vector512) kernels for a block of rows of a Gaussian mixture: the
/// E-step's |(x - mu) U|^2 for an upper-triangular U, and the M-step's weighted outer products
/// Xc^T (r .* Xc) (lower triangle) and diagonal moments. Matrices are row-major with a padded
/// leading dimension <c>ld</c>, a multiple of 8 (<see cref="Lanes"/>); padding columns hold zeros.
/// Every sum runs in a fixed order that depends only on the shapes, so results are deterministic.
/// Callers check <see cref="IsSupported"/>; <see cref="QuadraticForms"/> is the portable fallback.
/// </summary>
internal static unsafe partial class BlockKernels
{
    public const int Lanes = 8;

    /// <summary>Rows per E-step register tile; block scratch is sized in multiples of it.</summary>
    public const int TileRows = 8;

    public static bool IsSupported => Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    /// <summary>
    /// Rows per sub-block for the full-covariance kernels so that a sub-block of centred rows and one
    /// factor stay in L1 (a multiple of <see cref="TileRows"/>): at D = 64 a 32-row sub-block and a factor
    /// fill most of a 48 KiB L1d; below D = 48 the whole block fits and sub-blocking only adds overhead
    /// (bench/README.md, "Tuning constants").
    /// </summary>
    public static int SubBlockRows(int ld) => ld >= 48 ? 32 : int.MaxValue;

    /// <summary>D rounded up to a multiple of <see cref="Lanes"/>.</summary>
    public static int Padded(int d) => (d + Lanes - 1) & ~(Lanes - 1);

    /// <summary>Rounds a pointer up to the next 64-byte boundary (scratch has 8 spare doubles for it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double* Align64(double* p) => (double*)(((nint)p + 63) & ~(nint)63);

    /// <summary>xp[r * ld + j] = x[r * d + j] for j &lt; d, zero for d &lt;= j &lt; ld.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void Pad(double* x, int count, int d, double* xp, int ld)
    {
        for (int r = 0; r < count; r++)
        {
            double* xr = x + (nint)r * d, yr = xp + (nint)r * ld;
            int j = 0;
            for (; j < d; j++) yr[j] = xr[j];
            for (; j < ld; j++) yr[j] = 0;
        }
    }

    /// <summary>
    /// xc[r * ld + j] = x[r * d + j] - mu[j] for r &lt; count, j &lt; d; zero for d &lt;= j &lt; ld and
    /// for count &lt;= r &lt; rowsPadded.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void Center(double* x, int count, int d, double* mu, double* xc, int ld, int rowsPadded)
    {
        int d8 = d & ~(Lanes - 1);
        for (int r = 0; r < count; r++)
        {
            double* xr = x + (nint)r * d, yr = xc + (nint)r * ld;
            int j = 0;
            for (; j < d8; j += Lanes)
                Vector512.Store(Vector512.Load(xr + j) - Vector512.Load(mu + j), yr + j);
            for (; j < d; j++) yr[j] = xr[j] - mu[j];
            for (; j < ld; j++) yr[j] = 0;
        }
        if (rowsPadded > count)
            new Span<double>(xc + (nint)count * ld, (rowsPadded - count) * ld).Clear();
    }

    /// <summary>
    /// dst[r] = |xc_r U|^2 for r &lt; rows (a multiple of <see cref="TileRows"/>); U is ld x ld upper
    /// triangular with zeros below the diagonal and in the padding. <paramref name="sq"/>: 8 x 8 doubles, 64-byte aligned.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void TriangularSquaredNorms(double* xc, int ld, int rows, double* u, double* sq, double* dst)
    {
        int v = ld / Lanes;
        for (int rt = 0; rt < rows; rt += TileRows)
        {
            double* xt = xc + (nint)rt * ld;
            int v0 = 0;
            for (; v0 + 1 < v; v0 += 2)
                Tile8x2(xt, ld, u + v0 * Lanes, ld, v0 * Lanes, sq, dst + rt, (v0 == 0 ? First : 0) | (v0 + 2 == v ? Last : 0));
            if (v0 < v) Tile8x1(xt, ld, u + v0 * Lanes, ld, v0 * Lanes, sq, dst + rt, (v0 == 0 ? First : 0) | Last);
        }
    }

    /// <summary>
    /// From this padded D on (<see cref="WideSubBlockRows"/>) the E-step runs column panels outer and row tiles
    /// inner, and the outer products in column blocks: a factor (8 MB at D = 1000) no longer fits any cache,
    /// so a panel of it must serve every row tile of a sub-block before the next is read (bench/README.md).
    /// </summary>
    public const int WideFeatures = 256;

    /// <summary>Rows per E-step sub-block at wide D: the centred sub-block (64 x D) stays in L2 beside a factor panel.</summary>
    public const int WideSubBlockRows = 64;

    /// <summary>
    /// <c>TriangularSquaredNorms</c> with the loops exchanged and U packed by panels (<see cref="PackPanels"/>: each
    /// panel's rows contiguous, so that it streams and needs few pages): for each 16-column panel of U, every 8-row tile
    /// of the sub-block. Each tile keeps its own running sums (<paramref name="sq"/>: rows x 8 doubles), so every row's
    /// result is the same sequence of operations as in <c>TriangularSquaredNorms</c>: bit-identical.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void TriangularSquaredNormsWide(double* xc, int ld, int rows, double* packed, double* sq, double* dst)
    {
        int v = ld / Lanes;
        int v0 = 0;
        double* panel = packed;
        for (; v0 + 1 < v; v0 += 2)
        {
            int mode = (v0 == 0 ? First : 0) | (v0 + 2 == v ? Last : 0), c0 = v0 * Lanes;
            if ((v0 & 31) == 30) FitCancellation.ThrowIfRequested();   // every 16 panels (D = 10000: 1e10 flops per call)
            for (int rt = 0; rt < rows; rt += TileRows)
                Tile8x2(xc + (nint)rt * ld, ld, panel, 2 * Lanes, c0, sq + (nint)rt * Lanes, dst + rt, mode);
            panel += (nint)(c0 + 2 * Lanes) * 2 * Lanes;
        }
        if (v0 < v)
            for (int rt = 0; rt < rows; rt += TileRows)
                Tile8x1(xc + (nint)rt * ld, ld, panel, Lanes, v0 * Lanes, sq + (nint)rt * Lanes, dst + rt, (v0 == 0 ? First : 0) | Last);
    }

    /// <summary>
    /// U (ld x ld, row stride ld) packed by the panels of <c>TriangularSquaredNormsWide</c>: for each pair of column
    /// vectors c0..c0+15 its rows 0..c0+15 (16 doubles each), then for an odd last vector its rows 0..c0+7 (8 each).
    /// Needs at most ld * ld doubles.
    /// </summary>
    public static void PackPanels(double* u, int ld, double* packed)
    {
        int v = ld / Lanes, v0 = 0;
        double* o = packed;
        for (; v0 + 1 < v; v0 += 2)
        {
            int c0 = v0 * Lanes;
            for (int p = 0; p < c0 + 2 * Lanes; p++, o += 2 * Lanes)
                new ReadOnlySpan<double>(u + (nint)p * ld + c0, 2 * Lanes).CopyTo(new Span<double>(o, 2 * Lanes));
        }
        if (v0 < v)
        {
            int c0 = v0 * Lanes;
            for (int p = 0; p < c0 + Lanes; p++, o += Lanes)
                new ReadOnlySpan<double>(u + (nint)p * ld + c0, Lanes).CopyTo(new Span<double>(o, Lanes));
        }
    }

    /// <summary>Columns c0..c0+15 of Y = Xc U for 8 rows; adds the squares into sq (8 vectors).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    static void Tile8x2(double* x, int ld, double* uc, nint us, int c0, double* sq, double* dst, int mode)
    {
        var a00 = Vector512<double>.Zero; var a01 = a00; var a10 = a00; var a11 = a00;
        var a20 = a00; var a21 = a00; var a30 = a00; var a31 = a00;
        var a40 = a00; var a41 = a00; var a50 = a00; var a51 = a00;
        var a60 = a00; var a61 = a00; var a70 = a00; var a71 = a00;
        nint s = ld;
        int p = 0, end = c0 + Lanes;
        for (; p < end; p++)
        {
            double* up = uc + p * us;
            var u0 = Vector512.Load(up);
            var u1 = Vector512.Load(up + Lanes);
            double* xp = x + p;
            var b = Vector512.Create(xp[0]); a00 = Vector512.FusedMultiplyAdd(b, u0, a00); a01 = Vector512.FusedMultiplyAdd(b, u1, a01);
            b = Vector512.Create(xp[s]); a10 = Vector512.FusedMultiplyAdd(b, u0, a10); a11 = Vector512.FusedMultiplyAdd(b, u1, a11);
            b = Vector512.Create(xp[2 * s]); a20 = Vector512.FusedMultiplyAdd(b, u0, a20); a21 = Vector512.FusedMultiplyAdd(b, u1, a21);
            b = Vector512.Create(xp[3 * s]); a30 = Vector512.FusedMultiplyAdd(b, u0, a30); a31 = Vector512.FusedMultiplyAdd(b, u1, a31);
            b = Vector512.Create(xp[4 * s]); a40 = Vector512.FusedMultiplyAdd(b, u0, a40); a41 = Vector512.FusedMultiplyAdd(b, u1, a41);
            b = Vector512.Create(xp[5 * s]); a50 = Vector512.FusedMultiplyAdd(b, u0, a50); a51 = Vector512.FusedMultiplyAdd(b, u1, a51);
            b = Vector512.Create(xp[6 * s]); a60 = Vector512.FusedMultiplyAdd(b, u0, a60); a61 = Vector512.FusedMultiplyAdd(b, u1, a61);
            b = Vector512.Create(xp[7 * s]); a70 = Vector512.FusedMultiplyAdd(b, u0, a70); a71 = Vector512.FusedMultiplyAdd(b, u1, a71);
        }
        end += Lanes; // rows c0+8..c0+15 of U are zero in the first vector
        for (; p < end; p++)
        {
            var u1 = Vector512.Load(uc + p * us + Lanes);
            double* xp = x + p;
            a01 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[0]), u1, a01);
            a11 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[s]), u1, a11);
            a21 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[2 * s]), u1, a21);
            a31 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[3 * s]), u1, a31);
            a41 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[4 * s]), u1, a41);
            a51 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[5 * s]), u1, a51);
            a61 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[6 * s]), u1, a61);
            a71 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[7 * s]), u1, a71);
        }
        Finish(sq, dst, mode, Squares(a00, a01), Squares(a10, a11), Squares(a20, a21), Squares(a30, a31),
            Squares(a40, a41), Squares(a50, a51), Squares(a60, a61), Squares(a70, a71));
    }

    /// <summary>Columns c0..c0+7 of Y = Xc U for 8 rows; adds the squares into sq.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    static void Tile8x1(double* x, int ld, double* uc, nint us, int c0, double* sq, double* dst, int mode)
    {
        var a0 = Vector512<double>.Zero; var a1 = a0; var a2 = a0; var a3 = a0;
        var a4 = a0; var a5 = a0; var a6 = a0; var a7 = a0;
        nint s = ld;
        int end = c0 + Lanes;
        for (int p = 0; p < end; p++)
        {
            var u0 = Vector512.Load(uc + p * us);
            double* xp = x + p;
            a0 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[0]), u0, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[s]), u0, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[2 * s]), u0, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[3 * s]), u0, a3);
            a4 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[4 * s]), u0, a4);
            a5 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[5 * s]), u0, a5);
            a6 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[6 * s]), u0, a6);
            a7 = Vector512.FusedMultiplyAdd(Vector512.Create(xp[7 * s]), u0, a7);
        }
        Finish(sq, dst, mode, a0 * a0, a1 * a1, a2 * a2, a3 * a3, a4 * a4, a5 * a5, a6 * a6, a7 * a7);
    }

    const int First = 1, Last = 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Vector512<double> Squares(Vector512<double> a, Vector512<double> b) => Vector512.FusedMultiplyAdd(b, b, a * a);

    /// <summary>
    /// Adds this column group's squares s_i of rows i = 0..7 to the running sums in sq (unless it is
    /// the first group), and after the last group stores the 8 row totals to dst.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Finish(double* sq, double* dst, int mode, Vector512<double> s0, Vector512<double> s1, Vector512<double> s2, Vector512<double> s3,
        Vector512<double> s4, Vector512<double> s5, Vector512<double> s6, Vector512<double> s7)
    {
        if ((mode & First) == 0)
        {
            s0 += Vector512.Load(sq); s1 += Vector512.Load(sq + 8); s2 += Vector512.Load(sq + 16); s3 += Vector512.Load(sq + 24);
            s4 += Vector512.Load(sq + 32); s5 += Vector512.Load(sq + 40); s6 += Vector512.Load(sq + 48); s7 += Vector512.Load(sq + 56);
        }
        if ((mode & Last) != 0)
        {
            Vector512.Store(Sum8(s0, s1, s2, s3, s4, s5, s6, s7), dst);
            return;
        }
        Vector512.Store(s0, sq); Vector512.Store(s1, sq + 8); Vector512.Store(s2, sq + 16); Vector512.Store(s3, sq + 24);
        Vector512.Store(s4, sq + 32); Vector512.Store(s5, sq + 40); Vector512.Store(s6, sq + 48); Vector512.Store(s7, sq + 56);
    }

    /// <summary>
    /// Center and Weight in one pass: xc = x - s (padded with zeros to ld),
    /// z = resp[r * stride] xc, a += sum_r z[r, :] (rows in order, as Weight does).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void CenterWeight(double* x, int count, int d, double* s, double* resp, int stride, double* xc, double* z, double* a, int ld)
    {
        int d8 = d & ~(Lanes - 1);
        int v = 0;
        // Two column vectors per pass over the rows: two independent running sums (each still adds the
        // rows in order, so a is the same as one vector at a time) hide the latency of the additions.
        for (; v + 2 * Lanes <= d8; v += 2 * Lanes)
        {
            var acc0 = Vector512.Load(a + v);
            var acc1 = Vector512.Load(a + v + Lanes);
            var sv0 = Vector512.Load(s + v);
            var sv1 = Vector512.Load(s + v + Lanes);
            for (int r = 0; r < count; r++)
            {
                double* xr = x + (nint)r * d + v, cr = xc + (nint)r * ld + v, zr = z + (nint)r * ld + v;
                var w = Vector512.Create(resp[(nint)r * stride]);
                var c0 = Vector512.Load(xr) - sv0;
                var c1 = Vector512.Load(xr + Lanes) - sv1;
                Vector512.Store(c0, cr);
                Vector512.Store(c1, cr + Lanes);
                var t0 = w * c0;
                var t1 = w * c1;
                Vector512.Store(t0, zr);
                Vector512.Store(t1, zr + Lanes);
                acc0 += t0;
                acc1 += t1;
            }
            Vector512.Store(acc0, a + v);
            Vector512.Store(acc1, a + v + Lanes);
        }
        for (; v < ld; v += Lanes)
        {
            var acc = Vector512.Load(a + v);
            if (v < d8)
            {
                var sv = Vector512.Load(s + v);
                for (int r = 0; r < count; r++)
                {
                    var c = Vector512.Load(x + (nint)r * d + v) - sv;
                    Vector512.Store(c, xc + (nint)r * ld + v);
                    var t = Vector512.Create(resp[(nint)r * stride]) * c;
                    Vector512.Store(t, z + (nint)r * ld + v);
                    acc += t;
                }
            }
            else
            {
                for (int r = 0; r < count; r++)
                {
                    double* xr = x + (nint)r * d, cr = xc + (nint)r * ld + v;
                    for (int j = 0; j < Lanes; j++) cr[j] = v + j < d ? xr[v + j] - s[v + j] : 0;
                    var c = Vector512.Load(cr);
                    var t = Vector512.Create(resp[(nint)r * stride]) * c;
                    Vector512.Store(t, z + (nint)r * ld + v);
                    acc += t;
                }
            }
            Vector512.Store(acc, a + v);
        }
    }

    /// <summary>
    /// z[r, :] = resp[r * stride] * xc[r, :] for r &lt; count, and a[j] += sum_r z[r, j] (rows in order).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void Weight(double* xc, int ld, int count, double* resp, int stride, double* z, double* a)
    {
        for (int v = 0; v < ld; v += Lanes)
        {
            var acc = Vector512.Load(a + v);
            for (int r = 0; r < count; r++)
            {
                var t = Vector512.Create(resp[(nint)r * stride]) * Vector512.Load(xc + (nint)r * ld + v);
                Vector512.Store(t, z + (nint)r * ld + v);
                acc += t;
            }
            Vector512.Store(acc, a + v);
        }
    }

    /// <summary>
    /// q[i * ld + j] += sum_r xc[r, i] z[r, j] for the lower triangle in 8 x 8 blocks (the upper half of
    /// each diagonal block is computed too and is to be ignored). q is ld x ld.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void LowerOuterProducts(double* xc, double* z, int ld, int count, double* q)
    {
        int v = ld / Lanes;
        for (int b = 0; b < v; b++)
        {
            int i0 = b * Lanes;
            int jv = 0;
            for (; jv + 3 <= b + 1; jv += 3) Outer8x3(xc + i0, z + jv * Lanes, ld, ld, ld, count, q + (nint)i0 * ld + jv * Lanes);
            int left = b + 1 - jv;
            if (left == 2) Outer8x2(xc + i0, z + jv * Lanes, ld, ld, ld, count, q + (nint)i0 * ld + jv * Lanes);
            else if (left == 1) Outer8x1(xc + i0, z + jv * Lanes, ld, ld, ld, count, q + (nint)i0 * ld + jv * Lanes);
        }
    }

    /// <summary>Column vectors per block of <c>LowerOuterProductsWide</c>: 30 x 8 columns of z for 128 rows (240 KiB) stay in L2.</summary>
    const int WideColumnVectors = 30;

    /// <summary>
    /// <c>LowerOuterProducts</c> in column blocks (z's columns of one block stay in cache while every row band of
    /// q below them is updated), on copies packed by bands (<paramref name="packX"/>: for each 8 columns of xc its
    /// count x 8 rows, contiguous; <paramref name="packZ"/>: for each 24 columns of z its count x 24 rows, at most
    /// count * (ld + 16) doubles), so that a tile streams contiguous memory over few pages. Each element of q still
    /// adds its rows in order in one call: bit-identical to <c>LowerOuterProducts</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void LowerOuterProductsWide(double* xc, double* z, int ld, int count, double* q, double* packX, double* packZ)
    {
        int v = ld / Lanes;
        for (int b = 0; b < v; b++)
        {
            double* o = packX + (nint)b * count * Lanes;
            for (int r = 0; r < count; r++) Vector512.Store(Vector512.Load(xc + (nint)r * ld + b * Lanes), o + (nint)r * Lanes);
        }
        for (int g = 0; g * 3 < v; g++)
        {
            double* o = packZ + (nint)g * count * 3 * Lanes;
            int vectors = Math.Min(3, v - 3 * g);
            for (int r = 0; r < count; r++)
                for (int t = 0; t < vectors; t++)
                    Vector512.Store(Vector512.Load(z + (nint)r * ld + (3 * g + t) * Lanes), o + (nint)r * 3 * Lanes + t * Lanes);
        }
        for (int jb = 0; jb < v; jb += WideColumnVectors)
        {
            FitCancellation.ThrowIfRequested();   // one call at D = 10000 is ~1e10 flops: a signal must not wait for it
            for (int b = jb; b < v; b++)
            {
                int i0 = b * Lanes, end = Math.Min(jb + WideColumnVectors, b + 1);
                double* xb = packX + (nint)b * count * Lanes;
                int jv = jb;
                for (; jv + 3 <= end; jv += 3)
                    Outer8x3(xb, packZ + (nint)(jv / 3) * count * 3 * Lanes, ld, Lanes, 3 * Lanes, count, q + (nint)i0 * ld + jv * Lanes);
                int left = end - jv;
                double* zg = packZ + (nint)(jv / 3) * count * 3 * Lanes;
                if (left == 2) Outer8x2(xb, zg, ld, Lanes, 3 * Lanes, count, q + (nint)i0 * ld + jv * Lanes);
                else if (left == 1) Outer8x1(xb, zg, ld, Lanes, 3 * Lanes, count, q + (nint)i0 * ld + jv * Lanes);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    static void Outer8x3(double* x, double* z, int ld, nint xs, nint zs, int count, double* q)
    {
        nint s = ld;
        var a00 = Vector512.Load(q); var a01 = Vector512.Load(q + 8); var a02 = Vector512.Load(q + 16); double* qr = q + s;
        var a10 = Vector512.Load(qr); var a11 = Vector512.Load(qr + 8); var a12 = Vector512.Load(qr + 16); qr += s;
        var a20 = Vector512.Load(qr); var a21 = Vector512.Load(qr + 8); var a22 = Vector512.Load(qr + 16); qr += s;
        var a30 = Vector512.Load(qr); var a31 = Vector512.Load(qr + 8); var a32 = Vector512.Load(qr + 16); qr += s;
        var a40 = Vector512.Load(qr); var a41 = Vector512.Load(qr + 8); var a42 = Vector512.Load(qr + 16); qr += s;
        var a50 = Vector512.Load(qr); var a51 = Vector512.Load(qr + 8); var a52 = Vector512.Load(qr + 16); qr += s;
        var a60 = Vector512.Load(qr); var a61 = Vector512.Load(qr + 8); var a62 = Vector512.Load(qr + 16); qr += s;
        var a70 = Vector512.Load(qr); var a71 = Vector512.Load(qr + 8); var a72 = Vector512.Load(qr + 16);
        for (int r = 0; r < count; r++)
        {
            double* zr = z + r * zs, xr = x + r * xs;
            var z0 = Vector512.Load(zr); var z1 = Vector512.Load(zr + 8); var z2 = Vector512.Load(zr + 16);
            var b = Vector512.Create(xr[0]);
            a00 = Vector512.FusedMultiplyAdd(b, z0, a00); a01 = Vector512.FusedMultiplyAdd(b, z1, a01); a02 = Vector512.FusedMultiplyAdd(b, z2, a02);
            b = Vector512.Create(xr[1]);
            a10 = Vector512.FusedMultiplyAdd(b, z0, a10); a11 = Vector512.FusedMultiplyAdd(b, z1, a11); a12 = Vector512.FusedMultiplyAdd(b, z2, a12);
            b = Vector512.Create(xr[2]);
            a20 = Vector512.FusedMultiplyAdd(b, z0, a20); a21 = Vector512.FusedMultiplyAdd(b, z1, a21); a22 = Vector512.FusedMultiplyAdd(b, z2, a22);
            b = Vector512.Create(xr[3]);
            a30 = Vector512.FusedMultiplyAdd(b, z0, a30); a31 = Vector512.FusedMultiplyAdd(b, z1, a31); a32 = Vector512.FusedMultiplyAdd(b, z2, a32);
            b = Vector512.Create(xr[4]);
            a40 = Vector512.FusedMultiplyAdd(b, z0, a40); a41 = Vector512.FusedMultiplyAdd(b, z1, a41); a42 = Vector512.FusedMultiplyAdd(b, z2, a42);
            b = Vector512.Create(xr[5]);
            a50 = Vector512.FusedMultiplyAdd(b, z0, a50); a51 = Vector512.FusedMultiplyAdd(b, z1, a51); a52 = Vector512.FusedMultiplyAdd(b, z2, a52);
            b = Vector512.Create(xr[6]);
            a60 = Vector512.FusedMultiplyAdd(b, z0, a60); a61 = Vector512.FusedMultiplyAdd(b, z1, a61); a62 = Vector512.FusedMultiplyAdd(b, z2, a62);
            b = Vector512.Create(xr[7]);
            a70 = Vector512.FusedMultiplyAdd(b, z0, a70); a71 = Vector512.FusedMultiplyAdd(b, z1, a71); a72 = Vector512.FusedMultiplyAdd(b, z2, a72);
        }
        qr = q;
        Vector512.Store(a00, qr); Vector512.Store(a01, qr + 8); Vector512.Store(a02, qr + 16); qr += s;
        Vector512.Store(a10, qr); Vector512.Store(a11, qr + 8); Vector512.Store(a12, qr + 16); qr += s;
        Vector512.Store(a20, qr); Vector512.Store(a21, qr + 8); Vector512.Store(a22, qr + 16); qr += s;
        Vector512.Store(a30, qr); Vector512.Store(a31, qr + 8); Vector512.Store(a32, qr + 16); qr += s;
        Vector512.Store(a40, qr); Vector512.Store(a41, qr + 8); Vector512.Store(a42, qr + 16); qr += s;
        Vector512.Store(a50, qr); Vector512.Store(a51, qr + 8); Vector512.Store(a52, qr + 16); qr += s;
        Vector512.Store(a60, qr); Vector512.Store(a61, qr + 8); Vector512.Store(a62, qr + 16); qr += s;
        Vector512.Store(a70, qr); Vector512.Store(a71, qr + 8); Vector512.Store(a72, qr + 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    static void Outer8x2(double* x, double* z, int ld, nint xs, nint zs, int count, double* q)
    {
        nint s = ld;
        var a00 = Vector512.Load(q); var a01 = Vector512.Load(q + 8); double* qr = q + s;
        var a10 = Vector512.Load(qr); var a11 = Vector512.Load(qr + 8); qr += s;
        var a20 = Vector512.Load(qr); var a21 = Vector512.Load(qr + 8); qr += s;
        var a30 = Vector512.Load(qr); var a31 = Vector512.Load(qr + 8); qr += s;
        var a40 = Vector512.Load(qr); var a41 = Vector512.Load(qr + 8); qr += s;
        var a50 = Vector512.Load(qr); var a51 = Vector512.Load(qr + 8); qr += s;
        var a60 = Vector512.Load(qr); var a61 = Vector512.Load(qr + 8); qr += s;
        var a70 = Vector512.Load(qr); var a71 = Vector512.Load(qr + 8);
        for (int r = 0; r < count; r++)
        {
            double* zr = z + r * zs, xr = x + r * xs;
            var z0 = Vector512.Load(zr); var z1 = Vector512.Load(zr + 8);
            var b = Vector512.Create(xr[0]); a00 = Vector512.FusedMultiplyAdd(b, z0, a00); a01 = Vector512.FusedMultiplyAdd(b, z1, a01);
            b = Vector512.Create(xr[1]); a10 = Vector512.FusedMultiplyAdd(b, z0, a10); a11 = Vector512.FusedMultiplyAdd(b, z1, a11);
            b = Vector512.Create(xr[2]); a20 = Vector512.FusedMultiplyAdd(b, z0, a20); a21 = Vector512.FusedMultiplyAdd(b, z1, a21);
            b = Vector512.Create(xr[3]); a30 = Vector512.FusedMultiplyAdd(b, z0, a30); a31 = Vector512.FusedMultiplyAdd(b, z1, a31);
            b = Vector512.Create(xr[4]); a40 = Vector512.FusedMultiplyAdd(b, z0, a40); a41 = Vector512.FusedMultiplyAdd(b, z1, a41);
            b = Vector512.Create(xr[5]); a50 = Vector512.FusedMultiplyAdd(b, z0, a50); a51 = Vector512.FusedMultiplyAdd(b, z1, a51);
            b = Vector512.Create(xr[6]); a60 = Vector512.FusedMultiplyAdd(b, z0, a60); a61 = Vector512.FusedMultiplyAdd(b, z1, a61);
            b = Vector512.Create(xr[7]); a70 = Vector512.FusedMultiplyAdd(b, z0, a70); a71 = Vector512.FusedMultiplyAdd(b, z1, a71);
        }
        qr = q;
        Vector512.Store(a00, qr); Vector512.Store(a01, qr + 8); qr += s;
        Vector512.Store(a10, qr); Vector512.Store(a11, qr + 8); qr += s;
        Vector512.Store(a20, qr); Vector512.Store(a21, qr + 8); qr += s;
        Vector512.Store(a30, qr); Vector512.Store(a31, qr + 8); qr += s;
        Vector512.Store(a40, qr); Vector512.Store(a41, qr + 8); qr += s;
        Vector512.Store(a50, qr); Vector512.Store(a51, qr + 8); qr += s;
        Vector512.Store(a60, qr); Vector512.Store(a61, qr + 8); qr += s;
        Vector512.Store(a70, qr); Vector512.Store(a71, qr + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    static void Outer8x1(double* x, double* z, int ld, nint xs, nint zs, int count, double* q)
    {
        nint s = ld;
        var a0 = Vector512.Load(q); var a1 = Vector512.Load(q + s); var a2 = Vector512.Load(q + 2 * s); var a3 = Vector512.Load(q + 3 * s);
        var a4 = Vector512.Load(q + 4 * s); var a5 = Vector512.Load(q + 5 * s); var a6 = Vector512.Load(q + 6 * s); var a7 = Vector512.Load(q + 7 * s);
        for (int r = 0; r < count; r++)
        {
            double* xr = x + r * xs;
            var z0 = Vector512.Load(z + r * zs);
            a0 = Vector512.FusedMultiplyAdd(Vector512.Create(xr[0]), z0, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.Create(xr[1]), z0, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.Create(xr[2]), z0, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.Create(xr[3]), z0, a3);
            a4 = Vector512.FusedMultiplyAdd(Vector512.Create(xr[4]), z0, a4);
            a5 = Vector512.FusedMultiplyAdd(Vector512.Create(xr[5]), z0, a5);
            a6 = Vector512.FusedMultiplyAdd(Vector512.Create(xr[6]), z0, a6);
            a7 = Vector512.FusedMultiplyAdd(Vector512.Create(xr[7]), z0, a7);
        }
        Vector512.Store(a0, q); Vector512.Store(a1, q + s); Vector512.Store(a2, q + 2 * s); Vector512.Store(a3, q + 3 * s);
        Vector512.Store(a4, q + 4 * s); Vector512.Store(a5, q + 5 * s); Vector512.Store(a6, q + 6 * s); Vector512.Store(a7, q + 7 * s);
    }

    /// <summary>
    /// Diagonal E-step: o[r * k + c] = cst[c] - 0.5 sum_j ((x_rj - mu_cj) p_cj)^2 for r &lt; count, x with
    /// row stride d. mu and p are k x ld, zero-padded (so are the rows, through <paramref name="pad"/>
    /// (ld doubles) when d is not a multiple of 8). Components go 8 at a time, their lane sums reduced
    /// together by <see cref="Sum8"/> into one vector store.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void DiagonalLogProb(double* x, int count, int d, int ld, int k, double* mu, double* p, double* cst, double* o, double* pad)
    {
        int v = ld / Lanes, k8 = k & ~(Lanes - 1);
        var half = Vector512.Create(0.5);
        for (int r = 0; r < count; r++)
        {
            double* xr = x + (nint)r * d;
            if (ld != d)
            {
                for (int j = 0; j < d; j++) pad[j] = xr[j];
                for (int j = d; j < ld; j++) pad[j] = 0;
                xr = pad;
            }
            double* orow = o + (nint)r * k;
            int c = 0;
            for (; c < k8; c += Lanes)
            {
                var a0 = Vector512<double>.Zero; var a1 = a0; var a2 = a0; var a3 = a0;
                var a4 = a0; var a5 = a0; var a6 = a0; var a7 = a0;
                nint s = ld;
                double* m = mu + (nint)c * ld, q = p + (nint)c * ld;
                for (int j = 0; j < v * Lanes; j += Lanes)
                {
                    var xv = Vector512.Load(xr + j);
                    var t = (xv - Vector512.Load(m + j)) * Vector512.Load(q + j); a0 = Vector512.FusedMultiplyAdd(t, t, a0);
                    t = (xv - Vector512.Load(m + s + j)) * Vector512.Load(q + s + j); a1 = Vector512.FusedMultiplyAdd(t, t, a1);
                    t = (xv - Vector512.Load(m + 2 * s + j)) * Vector512.Load(q + 2 * s + j); a2 = Vector512.FusedMultiplyAdd(t, t, a2);
                    t = (xv - Vector512.Load(m + 3 * s + j)) * Vector512.Load(q + 3 * s + j); a3 = Vector512.FusedMultiplyAdd(t, t, a3);
                    t = (xv - Vector512.Load(m + 4 * s + j)) * Vector512.Load(q + 4 * s + j); a4 = Vector512.FusedMultiplyAdd(t, t, a4);
                    t = (xv - Vector512.Load(m + 5 * s + j)) * Vector512.Load(q + 5 * s + j); a5 = Vector512.FusedMultiplyAdd(t, t, a5);
                    t = (xv - Vector512.Load(m + 6 * s + j)) * Vector512.Load(q + 6 * s + j); a6 = Vector512.FusedMultiplyAdd(t, t, a6);
                    t = (xv - Vector512.Load(m + 7 * s + j)) * Vector512.Load(q + 7 * s + j); a7 = Vector512.FusedMultiplyAdd(t, t, a7);
                }
                var sum = Sum8(a0, a1, a2, a3, a4, a5, a6, a7);
                Vector512.Store(Vector512.Load(cst + c) - half * sum, orow + c);
            }
            for (; c < k; c++)
            {
                var a = Vector512<double>.Zero;
                double* m = mu + (nint)c * ld, q = p + (nint)c * ld;
                for (int j = 0; j < v * Lanes; j += Lanes)
                {
                    var t = (Vector512.Load(xr + j) - Vector512.Load(m + j)) * Vector512.Load(q + j);
                    a = Vector512.FusedMultiplyAdd(t, t, a);
                }
                orow[c] = cst[c] - 0.5 * Vector512.Sum(a);
            }
        }
    }

    /// <summary>
    /// Lane sums of eight vectors as one vector: result[i] = sum of the lanes of a_i (a fixed
    /// shuffle-and-add tree, so deterministic).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Sum8(Vector512<double> a0, Vector512<double> a1, Vector512<double> a2, Vector512<double> a3,
        Vector512<double> a4, Vector512<double> a5, Vector512<double> a6, Vector512<double> a7)
    {
        // Within 128-bit chunks: [a0 pair sums, a1 pair sums] per chunk.
        var b01 = Avx512F.UnpackLow(a0, a1) + Avx512F.UnpackHigh(a0, a1);
        var b23 = Avx512F.UnpackLow(a2, a3) + Avx512F.UnpackHigh(a2, a3);
        var b45 = Avx512F.UnpackLow(a4, a5) + Avx512F.UnpackHigh(a4, a5);
        var b67 = Avx512F.UnpackLow(a6, a7) + Avx512F.UnpackHigh(a6, a7);
        // Chunks (c0 + c1, c2 + c3) of each pair.
        var c0123 = Avx512F.Shuffle4x128(b01, b23, 0x88) + Avx512F.Shuffle4x128(b01, b23, 0xDD);
        var c4567 = Avx512F.Shuffle4x128(b45, b67, 0x88) + Avx512F.Shuffle4x128(b45, b67, 0xDD);
        return Avx512F.Shuffle4x128(c0123, c4567, 0x88) + Avx512F.Shuffle4x128(c0123, c4567, 0xDD);
    }

    /// <summary>
    /// Diagonal moments: a[j] += sum_r w_r (x_rj - s_j), q[j] += sum_r w_r (x_rj - s_j)^2 (rows in order),
    /// w_r = resp[r * stride]; x with row stride d.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void DiagonalMoments(double* x, int count, int d, double* shift, double* resp, int stride, double* a, double* q)
    {
        int d8 = d & ~(Lanes - 1);
        int j = 0;
        for (; j + 2 * Lanes <= d8; j += 2 * Lanes)
        {
            var s0 = Vector512.Load(shift + j); var s1 = Vector512.Load(shift + j + Lanes);
            var a0 = Vector512.Load(a + j); var a1 = Vector512.Load(a + j + Lanes);
            var q0 = Vector512.Load(q + j); var q1 = Vector512.Load(q + j + Lanes);
            for (int r = 0; r < count; r++)
            {
                var w = Vector512.Create(resp[(nint)r * stride]);
                double* xr = x + (nint)r * d + j;
                var c0 = Vector512.Load(xr) - s0; var c1 = Vector512.Load(xr + Lanes) - s1;
                var z0 = w * c0; var z1 = w * c1;
                a0 += z0; a1 += z1;
                q0 = Vector512.FusedMultiplyAdd(z0, c0, q0); q1 = Vector512.FusedMultiplyAdd(z1, c1, q1);
            }
            Vector512.Store(a0, a + j); Vector512.Store(a1, a + j + Lanes);
            Vector512.Store(q0, q + j); Vector512.Store(q1, q + j + Lanes);
        }
        DiagonalMomentsTail(x, count, d, j, shift, resp, stride, a, q);
    }

    /// <summary>
    /// DiagonalMoments for two components in one pass over the rows (each component's sums
    /// are the same operations in the same order as a call for it alone: bit-identical), so that twice
    /// as many independent running sums hide the latency of the additions and the rows are read once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void DiagonalMomentsPair(double* x, int count, int d, int stride,
        double* shiftA, double* respA, double* aA, double* qA, double* shiftB, double* respB, double* aB, double* qB)
    {
        int d8 = d & ~(Lanes - 1);
        int j = 0;
        for (; j + 2 * Lanes <= d8; j += 2 * Lanes)
        {
            var s0 = Vector512.Load(shiftA + j); var s1 = Vector512.Load(shiftA + j + Lanes);
            var a0 = Vector512.Load(aA + j); var a1 = Vector512.Load(aA + j + Lanes);
            var q0 = Vector512.Load(qA + j); var q1 = Vector512.Load(qA + j + Lanes);
            var t0 = Vector512.Load(shiftB + j); var t1 = Vector512.Load(shiftB + j + Lanes);
            var b0 = Vector512.Load(aB + j); var b1 = Vector512.Load(aB + j + Lanes);
            var p0 = Vector512.Load(qB + j); var p1 = Vector512.Load(qB + j + Lanes);
            for (int r = 0; r < count; r++)
            {
                double* xr = x + (nint)r * d + j;
                var x0 = Vector512.Load(xr); var x1 = Vector512.Load(xr + Lanes);
                var w = Vector512.Create(respA[(nint)r * stride]);
                var c0 = x0 - s0; var c1 = x1 - s1;
                var z0 = w * c0; var z1 = w * c1;
                a0 += z0; a1 += z1;
                q0 = Vector512.FusedMultiplyAdd(z0, c0, q0); q1 = Vector512.FusedMultiplyAdd(z1, c1, q1);
                var v = Vector512.Create(respB[(nint)r * stride]);
                var e0 = x0 - t0; var e1 = x1 - t1;
                var y0 = v * e0; var y1 = v * e1;
                b0 += y0; b1 += y1;
                p0 = Vector512.FusedMultiplyAdd(y0, e0, p0); p1 = Vector512.FusedMultiplyAdd(y1, e1, p1);
            }
            Vector512.Store(a0, aA + j); Vector512.Store(a1, aA + j + Lanes);
            Vector512.Store(q0, qA + j); Vector512.Store(q1, qA + j + Lanes);
            Vector512.Store(b0, aB + j); Vector512.Store(b1, aB + j + Lanes);
            Vector512.Store(p0, qB + j); Vector512.Store(p1, qB + j + Lanes);
        }
        DiagonalMomentsTail(x, count, d, j, shiftA, respA, stride, aA, qA);
        DiagonalMomentsTail(x, count, d, j, shiftB, respB, stride, aB, qB);
    }

    /// <summary>The columns from <paramref name="j"/> on of DiagonalMoments (fewer than 16).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void DiagonalMomentsTail(double* x, int count, int d, int j, double* shift, double* resp, int stride, double* a, double* q)
    {
        int d8 = d & ~(Lanes - 1);
        for (; j < d8; j += Lanes)
        {
            var s0 = Vector512.Load(shift + j);
            var a0 = Vector512.Load(a + j);
            var q0 = Vector512.Load(q + j);
            for (int r = 0; r < count; r++)
            {
                var w = Vector512.Create(resp[(nint)r * stride]);
                var c0 = Vector512.Load(x + (nint)r * d + j) - s0;
                var z0 = w * c0;
                a0 += z0;
                q0 = Vector512.FusedMultiplyAdd(z0, c0, q0);
            }
            Vector512.Store(a0, a + j);
            Vector512.Store(q0, q + j);
        }
        for (; j < d; j++)
        {
            double aj = a[j], qj = q[j], sj = shift[j];
            for (int r = 0; r < count; r++)
            {
                double w = resp[(nint)r * stride], c = x[(nint)r * d + j] - sj, z = w * c;
                aj += z;
                qj = Math.FusedMultiplyAdd(z, c, qj);
            }
            a[j] = aj;
            q[j] = qj;
        }
    }
}
