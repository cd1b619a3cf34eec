using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Mixtures.Internal.Kernels;

/// <summary>
/// Rows-in-lanes E-step for full and tied covariance at small D: the block of rows is transposed once
/// (features x rows), then for each component y_j = sum_{i &lt;= j} (x_i - mu_i) U_ij is computed for
/// 8 rows per vector in 4-column x 4-vector (32-row) register tiles and |y|^2 accumulates lane-wise,
/// so there are no horizontal sums and D only needs padding to a multiple of 4 (D = 2: half the
/// work of 8-column padding). Every row's sums run in a fixed order: deterministic.
/// </summary>
internal static unsafe partial class BlockKernels
{
    /// <summary>Rows per lane tile (4 vectors of 8).</summary>
    public const int LaneTileRows = 32;

    /// <summary>D rounded up to a multiple of 4: the feature padding of the rows-in-lanes kernels.</summary>
    public static int Padded4(int d) => (d + 3) & ~3;

    /// <summary>The lane width (rows, a multiple of <see cref="LaneTileRows"/>) of a transposed block of <paramref name="rows"/> rows.</summary>
    public static int LaneWidth(int rows) => (rows + LaneTileRows - 1) / LaneTileRows * LaneTileRows;

    /// <summary>
    /// xT[i * bw + r] = x[r * d + i] for r &lt; count, i &lt; d; zero for count &lt;= r &lt; bw and for d &lt;= i &lt; d4.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void TransposeRows(double* x, int count, int d, double* xT, int d4, int bw)
    {
        if (count < bw || d < d4) new Span<double>(xT, d4 * bw).Clear();
        for (int r = 0; r < count; r++)
        {
            double* xr = x + (nint)r * d;
            for (int i = 0; i < d; i++) xT[(nint)i * bw + r] = xr[i];
        }
    }

    /// <summary>
    /// quad[r] = |(x_r - mu) U|^2 for r &lt; bw, from the transposed block xT (d4 x bw). U is upper
    /// triangular with row stride ld (zeros below the diagonal and beyond D, d4 &lt;= ld); mu has d4
    /// entries (zeros beyond D). xc (d4 x bw) is scratch.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void LaneSquaredNorms(double* xT, int d4, int bw, double* mu, double* u, int ld, double* xc, double* quad)
    {
        for (int i = 0; i < d4; i++)
        {
            var m = Vector512.Create(mu[i]);
            double* src = xT + (nint)i * bw, dst = xc + (nint)i * bw;
            for (int g = 0; g < bw; g += Lanes) Vector512.Store(Vector512.Load(src + g) - m, dst + g);
        }
        nint s = bw;
        for (int gg = 0; gg < bw; gg += LaneTileRows)
        {
            Vector512<double> q0 = default, q1 = default, q2 = default, q3 = default;
            for (int j0 = 0; j0 < d4; j0 += 4)
            {
                Vector512<double> a00 = default, a01 = default, a02 = default, a03 = default;
                Vector512<double> a10 = default, a11 = default, a12 = default, a13 = default;
                Vector512<double> a20 = default, a21 = default, a22 = default, a23 = default;
                Vector512<double> a30 = default, a31 = default, a32 = default, a33 = default;
                int iEnd = j0 + 4;
                double* xp = xc + gg;
                double* ur = u + j0;
                for (int i = 0; i < iEnd; i++, xp += s, ur += ld)
                {
                    var v0 = Vector512.Load(xp);
                    var v1 = Vector512.Load(xp + 8);
                    var v2 = Vector512.Load(xp + 16);
                    var v3 = Vector512.Load(xp + 24);
                    var u0 = Vector512.Create(ur[0]);
                    var u1 = Vector512.Create(ur[1]);
                    var u2 = Vector512.Create(ur[2]);
                    var u3 = Vector512.Create(ur[3]);
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
            double* qo = quad + gg;
            Vector512.Store(q0, qo); Vector512.Store(q1, qo + 8); Vector512.Store(q2, qo + 16); Vector512.Store(q3, qo + 24);
        }
    }
}
