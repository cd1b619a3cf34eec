using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Mixtures.Internal.Kernels;

/// <summary>
/// The precision factor U = L^-T of a covariance L L^T for large D, blocked so that nearly all the work
/// (D^3 / 3 multiply-adds each for the factor and the inverse) runs in register-tiled AVX-512 products:
/// a right-looking Cholesky factorization (64-column panels; the trailing update is a SYRK in 8 x 16 tiles)
/// and an in-place inverse of L by 64-row blocks (a GEMM with the rows already inverted, then a vectorized
/// substitution inside the block). The blocking is fixed (<see cref="BlockSize"/>), tiles are parallel over
/// the fit's threads and write disjoint outputs, so the result does not depend on the thread count.
/// Cancellation is checked once per block step: a step is at most a few tens of milliseconds at D = 10000.
/// Within one block the operations are those of <see cref="Cholesky"/>'s scalar loops, so for D up to
/// <see cref="BlockSize"/> the two agree bit for bit (callers use the scalar code there).
/// </summary>
internal static unsafe class BlockedCholesky
{
    /// <summary>Columns per panel (and rows per inverse block): fixed, never chosen from the thread count.</summary>
    public const int BlockSize = 64;
    const int Lanes = BlockKernels.Lanes;
    const double RelativePivotFloor = 1e-12;   // as Cholesky.Factor

    /// <summary>
    /// Tests only: called at every block step, right before its cancellation check, on the thread that set it
    /// (block steps run on the calling thread; other tests factorizing at the same time must not see it).
    /// </summary>
    [ThreadStatic] internal static Action? BlockStepHook;

    static void BlockStep()
    {
        BlockStepHook?.Invoke();
        FitCancellation.ThrowIfRequested();
    }

    /// <summary>
    /// U (upper triangular, precision = U U^T) of <paramref name="covariance"/> (row-major D x D, lower triangle
    /// read) into <paramref name="u"/>. False when the covariance is not positive definite (the relative pivot floor
    /// of <see cref="Cholesky.Factor"/>) or U is not finite. Requires <see cref="BlockKernels.IsSupported"/>.
    /// </summary>
    public static bool PrecisionFactor(ReadOnlySpan<double> covariance, Span<double> u, int d)
    {
        if (covariance.Length < d * d || u.Length < d * d) throw new ArgumentException("Matrix too small.");
        int ld = BlockKernels.Padded(d);
        // [w: ld x ld][panel / inverse block: BlockSize x ld][row copy: ld][diagonal: ld], plus 8 for alignment.
        long length = (long)ld * ld + (long)BlockSize * ld + 2L * ld + Lanes;
        if (length > Array.MaxLength) throw new ArgumentOutOfRangeException(nameof(d), d, "The covariance is too large to factor.");
        var work = WorkspacePool.Rent((int)length);
        try
        {
            fixed (double* p = work)
            {
                double* w = BlockKernels.Align64(p), t = w + (nint)ld * ld, row = t + (nint)BlockSize * ld, diag = row + ld;
                fixed (double* a = covariance)
                    CopyLower(a, d, w, ld);
                for (int j = 0; j < d; j++) diag[j] = w[(nint)j * ld + j];
                if (!Factor(w, d, ld, diag, t)) return false;
                ClearUpper(w, d, ld);
                Invert(w, d, ld, t, row);
                fixed (double* o = u)
                    return TransposeInto(w, d, ld, o);
            }
        }
        finally
        {
            WorkspacePool.Return(work);
        }
    }

    /// <summary>w = the lower triangle of a (d x d) in an ld x ld matrix, zero elsewhere (padding rows and columns too).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void CopyLower(double* a, int d, double* w, int ld)
    {
        new Span<double>(w, ld * ld).Clear();
        for (int i = 0; i < d; i++)
        {
            if ((i & 255) == 255) FitCancellation.ThrowIfRequested();
            new ReadOnlySpan<double>(a + (nint)i * d, i + 1).CopyTo(new Span<double>(w + (nint)i * ld, i + 1));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void ClearUpper(double* w, int n, int ld)
    {
        for (int i = 0; i < n; i++) new Span<double>(w + (nint)i * ld + i + 1, ld - i - 1).Clear();
    }

    /// <summary>In-place lower Cholesky factor of w (n x n, stride ld, lower triangle). diag: the original diagonal (pivot floor).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool Factor(double* w, int n, int ld, double* diag, double* panelT)
    {
        for (int k0 = 0; k0 < n; k0 += BlockSize)
        {
            BlockStep();
            int b = Math.Min(BlockSize, n - k0);
            if (!FactorDiagonalBlock(w, ld, k0, b, diag)) return false;
            int top = k0 + b, rest = n - top;
            if (rest <= 0) break;
            // Panel rows below the block, 8 at a time, transposed into panelT (b x ld, columns = rows - top).
            int groups = (rest + Lanes - 1) / Lanes;
            double* pt = panelT;
            FitThreads.For(groups, (double)rest * b * b, g => SolvePanelGroup(w, ld, k0, b, top + g * Lanes, n, pt + (nint)g * Lanes));
            // Trailing update of the lower triangle: A22 -= L21 L21^T, row tiles of 8 (each with its own columns).
            FitThreads.For(groups, (double)rest * rest * b, g =>
            {
                int i0 = top + g * Lanes;
                double* arow = w + (nint)i0 * ld + k0, crow = w + (nint)i0 * ld;
                int j0 = top;
                for (; j0 + 2 * Lanes <= i0 + Lanes; j0 += 2 * Lanes)
                    Tile8x16(arow, ld, pt + (j0 - top), ld, crow + j0, ld, b, subtract: true);
                if (j0 < i0 + Lanes)
                    Tile8x8(arow, ld, pt + (j0 - top), ld, crow + j0, ld, b, subtract: true);
            });
        }
        return true;
    }

    /// <summary>Cholesky.Factor's loops on the b x b diagonal block at k0 (its entries already updated by the earlier panels).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool FactorDiagonalBlock(double* w, int ld, int k0, int b, double* diag)
    {
        double* a = w + (nint)k0 * ld + k0;
        for (int j = 0; j < b; j++)
        {
            double* lj = a + (nint)j * ld;
            double s = lj[j];
            for (int k = 0; k < j; k++) s -= lj[k] * lj[k];
            if (!(s > RelativePivotFloor * diag[k0 + j]) || !double.IsFinite(s)) return false;
            double ljj = Math.Sqrt(s);
            lj[j] = ljj;
            for (int i = j + 1; i < b; i++)
            {
                double* li = a + (nint)i * ld;
                double v = li[j];
                for (int k = 0; k < j; k++) v -= li[k] * lj[k];
                li[j] = v / ljj;
            }
        }
        return true;
    }

    /// <summary>
    /// Rows i0..i0+7 of the panel below the diagonal block: L[i, k0 + j] = (A[i, k0 + j] - sum_{m &lt; j} L[i, k0 + m] L[k0 + j, k0 + m]) / L[k0 + j, k0 + j],
    /// the 8 rows in the lanes of one vector (the scalar loop's operations, lane by lane). Writes the rows back (those below n)
    /// and their transpose to pt (row m: the 8 values of column k0 + m; rows past n are zero there).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void SolvePanelGroup(double* w, int ld, int k0, int b, int i0, int n, double* pt)
    {
        var cols = stackalloc Vector512<double>[BlockSize];
        int rows = Math.Min(Lanes, n - i0);
        double* lane = stackalloc double[Lanes];
        for (int m = 0; m < b; m++)
        {
            for (int r = 0; r < Lanes; r++) lane[r] = r < rows ? w[(nint)(i0 + r) * ld + k0 + m] : 0;
            cols[m] = Vector512.Load(lane);
        }
        double* diagBlock = w + (nint)k0 * ld + k0;
        for (int j = 0; j < b; j++)
        {
            double* lj = diagBlock + (nint)j * ld;
            var v = cols[j];
            for (int m = 0; m < j; m++) v -= cols[m] * Vector512.Create(lj[m]);
            v /= Vector512.Create(lj[j]);
            cols[j] = v;
            Vector512.Store(v, pt + (nint)j * ld);
            v.Store(lane);
            for (int r = 0; r < rows; r++) w[(nint)(i0 + r) * ld + k0 + j] = lane[r];
        }
    }

    /// <summary>
    /// In place, w's lower triangle L (n x n, strict upper part zero) becomes X = L^-1, by blocks of rows: for the block I,
    /// T = L[I, :I0] X[:I0, :I0] (tiles of 16 columns, parallel), then row by row X[i, :] = (e_i - T[i] - sum_{I0 &lt;= m &lt; i} L[i, m] X[m, :]) / L[i, i].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void Invert(double* w, int n, int ld, double* t, double* row)
    {
        for (int i0 = 0; i0 < n; i0 += BlockSize)
        {
            BlockStep();
            int b = Math.Min(BlockSize, n - i0), b8 = (b + Lanes - 1) & ~(Lanes - 1);
            if (i0 > 0)
            {
                int tiles = i0 / (2 * Lanes);   // i0 is a multiple of 64
                int top = i0;
                FitThreads.For(tiles, (double)b * top * top / 2, c =>
                {
                    int c0 = c * 2 * Lanes;
                    for (int r = 0; r < b8; r += Lanes)
                        Tile8x16(w + (nint)(top + r) * ld + c0, ld, w + (nint)c0 * ld + c0, ld, t + (nint)r * ld + c0, ld, top - c0, subtract: false, fresh: true);
                });
            }
            for (int i = i0; i < i0 + b; i++) InvertRow(w, ld, i0, i, t + (nint)(i - i0) * ld, row);
        }
    }

    /// <summary>Row i of X = L^-1 (see <see cref="Invert"/>); <paramref name="ti"/>: T's row, <paramref name="row"/>: ld doubles of scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void InvertRow(double* w, int ld, int i0, int i, double* ti, double* row)
    {
        double* wi = w + (nint)i * ld;
        // L[i, i0..i] is read while row i is rebuilt: keep a copy.
        int span = i - i0 + 1;
        for (int m = 0; m < span; m++) row[m] = wi[i0 + m];
        int len = (i + Lanes) & ~(Lanes - 1);   // columns 0..i, whole vectors (X's rows are zero right of the diagonal)
        // Build the row in w itself: -T[i] left of the block, the unit vector inside it.
        for (int c = 0; c < i0; c += Lanes) Vector512.Store(-Vector512.Load(ti + c), wi + c);
        new Span<double>(wi + i0, len - i0).Clear();
        wi[i] = 1;
        for (int m = i0; m < i; m++)
        {
            double* xm = w + (nint)m * ld;
            var l = Vector512.Create(row[m - i0]);
            int mlen = (m + Lanes) & ~(Lanes - 1);
            for (int c = 0; c < mlen; c += Lanes)
                Vector512.Store(Vector512.Load(wi + c) - l * Vector512.Load(xm + c), wi + c);
        }
        var inv = Vector512.Create(row[span - 1]);
        for (int c = 0; c < len; c += Lanes) Vector512.Store(Vector512.Load(wi + c) / inv, wi + c);
        new Span<double>(wi + i + 1, ld - i - 1).Clear();
    }

    /// <summary>u[c * d + i] = X[i, c] (zero below U's diagonal); false if any entry is not finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool TransposeInto(double* w, int d, int ld, double* u)
    {
        const int Tile = 32;
        bool finite = true;
        for (int i0 = 0; i0 < d; i0 += Tile)
        {
            if ((i0 & 255) == 0) FitCancellation.ThrowIfRequested();
            for (int c0 = 0; c0 < d; c0 += Tile)
            {
                int i1 = Math.Min(d, i0 + Tile), c1 = Math.Min(d, c0 + Tile);
                for (int c = c0; c < c1; c++)
                    for (int i = i0; i < i1; i++)
                    {
                        double v = i >= c ? w[(nint)i * ld + c] : 0;
                        u[(nint)c * d + i] = v;
                        finite &= double.IsFinite(v);
                    }
            }
        }
        return finite;
    }

    /// <summary>
    /// C[r, 0..16) (8 rows) = C (or 0 when <paramref name="fresh"/>) -/+ sum_{m &lt; kdim} A[r, m] B[m, 0..16), the m in order,
    /// each step one fused multiply-add per element (so a tile's result does not depend on who computes it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    static void Tile8x16(double* a, nint lda, double* b, nint ldb, double* c, nint ldc, int kdim, bool subtract, bool fresh = false)
    {
        Vector512<double> c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (fresh)
        {
            c00 = Vector512<double>.Zero; c01 = c00; c10 = c00; c11 = c00; c20 = c00; c21 = c00; c30 = c00; c31 = c00;
            c40 = c00; c41 = c00; c50 = c00; c51 = c00; c60 = c00; c61 = c00; c70 = c00; c71 = c00;
        }
        else
        {
            double* q = c;
            c00 = Vector512.Load(q); c01 = Vector512.Load(q + 8); q += ldc;
            c10 = Vector512.Load(q); c11 = Vector512.Load(q + 8); q += ldc;
            c20 = Vector512.Load(q); c21 = Vector512.Load(q + 8); q += ldc;
            c30 = Vector512.Load(q); c31 = Vector512.Load(q + 8); q += ldc;
            c40 = Vector512.Load(q); c41 = Vector512.Load(q + 8); q += ldc;
            c50 = Vector512.Load(q); c51 = Vector512.Load(q + 8); q += ldc;
            c60 = Vector512.Load(q); c61 = Vector512.Load(q + 8); q += ldc;
            c70 = Vector512.Load(q); c71 = Vector512.Load(q + 8);
        }
        double sign = subtract ? -1.0 : 1.0;
        for (int m = 0; m < kdim; m++)
        {
            double* bm = b + m * ldb;
            var b0 = Vector512.Load(bm);
            var b1 = Vector512.Load(bm + 8);
            double* am = a + m;
            var x = Vector512.Create(sign * am[0]); c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(sign * am[lda]); c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(sign * am[2 * lda]); c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(sign * am[3 * lda]); c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(sign * am[4 * lda]); c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(sign * am[5 * lda]); c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(sign * am[6 * lda]); c60 = Vector512.FusedMultiplyAdd(x, b0, c60); c61 = Vector512.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(sign * am[7 * lda]); c70 = Vector512.FusedMultiplyAdd(x, b0, c70); c71 = Vector512.FusedMultiplyAdd(x, b1, c71);
        }
        double* o = c;
        Vector512.Store(c00, o); Vector512.Store(c01, o + 8); o += ldc;
        Vector512.Store(c10, o); Vector512.Store(c11, o + 8); o += ldc;
        Vector512.Store(c20, o); Vector512.Store(c21, o + 8); o += ldc;
        Vector512.Store(c30, o); Vector512.Store(c31, o + 8); o += ldc;
        Vector512.Store(c40, o); Vector512.Store(c41, o + 8); o += ldc;
        Vector512.Store(c50, o); Vector512.Store(c51, o + 8); o += ldc;
        Vector512.Store(c60, o); Vector512.Store(c61, o + 8); o += ldc;
        Vector512.Store(c70, o); Vector512.Store(c71, o + 8);
    }

    /// <summary><see cref="Tile8x16"/> for 8 columns (the diagonal tile of a row band).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    static void Tile8x8(double* a, nint lda, double* b, nint ldb, double* c, nint ldc, int kdim, bool subtract)
    {
        var c0 = Vector512.Load(c); var c1 = Vector512.Load(c + ldc); var c2 = Vector512.Load(c + 2 * ldc); var c3 = Vector512.Load(c + 3 * ldc);
        var c4 = Vector512.Load(c + 4 * ldc); var c5 = Vector512.Load(c + 5 * ldc); var c6 = Vector512.Load(c + 6 * ldc); var c7 = Vector512.Load(c + 7 * ldc);
        double sign = subtract ? -1.0 : 1.0;
        for (int m = 0; m < kdim; m++)
        {
            var b0 = Vector512.Load(b + m * ldb);
            double* am = a + m;
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(sign * am[0]), b0, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(sign * am[lda]), b0, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(sign * am[2 * lda]), b0, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(sign * am[3 * lda]), b0, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(sign * am[4 * lda]), b0, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(sign * am[5 * lda]), b0, c5);
            c6 = Vector512.FusedMultiplyAdd(Vector512.Create(sign * am[6 * lda]), b0, c6);
            c7 = Vector512.FusedMultiplyAdd(Vector512.Create(sign * am[7 * lda]), b0, c7);
        }
        Vector512.Store(c0, c); Vector512.Store(c1, c + ldc); Vector512.Store(c2, c + 2 * ldc); Vector512.Store(c3, c + 3 * ldc);
        Vector512.Store(c4, c + 4 * ldc); Vector512.Store(c5, c + 5 * ldc); Vector512.Store(c6, c + 6 * ldc); Vector512.Store(c7, c + 7 * ldc);
    }
}
