using System.Runtime.Intrinsics;
using Mixtures.Internal.Kernels;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Kernels;

/// <summary>The AVX-512 block kernels against naive reference loops (reported as skipped where AVX-512 is absent).</summary>
public class BlockKernelsTests
{
    /// <summary>A scratch buffer (the kernels need no alignment for correctness).</summary>
    sealed class Buf(int length)
    {
        public readonly double[] P = new double[Math.Max(length, 1)];
        public Span<double> Span => P;
    }

    static double[] Random(int n, int seed, double scale = 1, double shift = 0)
    {
        var rng = new Random(seed);
        var a = new double[n];
        for (int i = 0; i < n; i++) a[i] = shift + scale * Synthetic.Normal(rng);
        return a;
    }

    [Avx512Theory]
    [InlineData(1, 8)]
    [InlineData(3, 13)]
    [InlineData(8, 64)]
    [InlineData(16, 24)]
    [InlineData(17, 5)]
    [InlineData(64, 64)]
    [InlineData(70, 9)]
    public void TriangularSquaredNorms_MatchNaive(int d, int count)
    {
        int ld = BlockKernels.Padded(d), rows = (count + 7) / 8 * 8;
        var x = Random(count * d, 1, 3, 1e8);
        var mu = Random(d, 2, 3, 1e8);
        var uFull = Random(d * d, 3);
        var xb = new Buf(count * d);
        var mub = new Buf(ld);
        var ub = new Buf(ld * ld);
        var xc = new Buf(rows * ld);
        var sq = new Buf(64);
        var dst = new Buf(rows);
        x.CopyTo(xb.Span);
        mu.CopyTo(mub.Span);
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++) ub.P[i * ld + j] = uFull[i * d + j];
        BlockKernels.Center(xb.P, count, d, mub.P, xc.P, ld, rows);
        BlockKernels.TriangularSquaredNorms(xc.P, ld, rows, ub.P, sq.P, dst.P);
        for (int r = 0; r < count; r++)
        {
            double s = 0;
            for (int j = 0; j < d; j++)
            {
                double y = 0;
                for (int i = 0; i <= j; i++) y += (x[r * d + i] - mu[i]) * uFull[i * d + j];
                s += y * y;
            }
            Approx.Equal(s, dst.P[r], 1e-12, $"row {r}");
        }
        for (int r = count; r < rows; r++) Assert.Equal(0.0, dst.P[r]);
    }

    [Avx512Theory]
    [InlineData(1, 5)]
    [InlineData(8, 64)]
    [InlineData(16, 128)]
    [InlineData(21, 33)]
    [InlineData(40, 7)]
    public void DiagonalMomentsPair_EqualsTwoSingleCallsBitForBit(int d, int count)
    {
        int k = 3;
        var x = Random(count * d, 31, 2, 1e6);
        var resp = Random(count * k, 32).Select(Math.Abs).ToArray();
        var sA = Random(d, 33, 2, 1e6);
        var sB = Random(d, 34, 2, 1e6);
        double[] a1 = Random(d, 35), q1 = Random(d, 36), b1 = Random(d, 37), p1 = Random(d, 38);
        double[] a2 = (double[])a1.Clone(), q2 = (double[])q1.Clone(), b2 = (double[])b1.Clone(), p2 = (double[])p1.Clone();
        BlockKernels.DiagonalMoments(x, count, d, sA, resp, k, a1, q1);
        BlockKernels.DiagonalMoments(x, count, d, sB, resp.AsSpan(2), k, b1, p1);
        BlockKernels.DiagonalMomentsPair(x, count, d, k, sA, resp, a2, q2, sB, resp.AsSpan(2), b2, p2);
        Assert.Equal(a1, a2);
        Assert.Equal(q1, q2);
        Assert.Equal(b1, b2);
        Assert.Equal(p1, p2);
    }

    [Avx512Theory]
    [InlineData(1, 1)]
    [InlineData(2, 31)]
    [InlineData(3, 32)]
    [InlineData(16, 64)]
    [InlineData(17, 45)]
    [InlineData(32, 128)]
    public void TransposeAndLaneSquaredNorms_MatchNaive(int d, int count)
    {
        int d4 = BlockKernels.Padded4(d), bw = BlockKernels.LaneWidth(count), ld = BlockKernels.Padded(d);
        var x = Random(count * d, 11, 3, 1e8);
        var mu = Random(d, 12, 3, 1e8);
        var uFull = Random(d * d, 13);
        var mub = new Buf(d4);
        var ub = new Buf(ld * ld);
        mu.CopyTo(mub.Span);
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++) ub.P[i * ld + j] = uFull[i * d + j];
        var xT = new Buf(d4 * bw);
        Array.Fill(xT.P, double.NaN);   // the transpose must write every padding entry
        var xc = new Buf(d4 * bw);
        var quad = new Buf(bw);
        BlockKernels.TransposeRows(x, count, d, xT.Span, d4, bw);
        for (int i = 0; i < d4; i++)
            for (int r = 0; r < bw; r++)
                Assert.Equal(i < d && r < count ? x[r * d + i] : 0.0, xT.P[i * bw + r]);
        BlockKernels.LaneSquaredNorms(xT.P, d4, bw, mub.P, ub.P, ld, xc.P, quad.P);
        for (int r = 0; r < count; r++)
        {
            double s = 0;
            for (int j = 0; j < d; j++)
            {
                double y = 0;
                for (int i = 0; i <= j; i++) y += (x[r * d + i] - mu[i]) * uFull[i * d + j];
                s += y * y;
            }
            Approx.Equal(s, quad.P[r], 1e-12, $"row {r}");
        }
    }

    [Avx512Theory]
    [InlineData(1, 5)]
    [InlineData(8, 64)]
    [InlineData(16, 64)]
    [InlineData(23, 7)]
    [InlineData(64, 33)]
    public void WeightAndLowerOuterProducts_MatchNaive(int d, int count)
    {
        int ld = BlockKernels.Padded(d), k = 3, c = 1;
        var x = Random(count * d, 4, 2, -5e7);
        var s = Random(d, 5, 2, -5e7);
        var resp = Random(count * k, 6).Select(Math.Abs).ToArray();
        var q0 = Random(ld * ld, 7);
        var a0 = Random(ld, 8);
        var xb = new Buf(count * d);
        var sb = new Buf(ld);
        var rb = new Buf(count * k);
        var xc = new Buf(count * ld);
        var z = new Buf(count * ld);
        var q = new Buf(ld * ld);
        var a = new Buf(ld);
        x.CopyTo(xb.Span); s.CopyTo(sb.Span); resp.CopyTo(rb.Span); q0.CopyTo(q.Span); a0.CopyTo(a.Span);
        BlockKernels.Center(xb.P, count, d, sb.P, xc.P, ld, count);
        BlockKernels.Weight(xc.P, ld, count, rb.Span[c..], k, z.P, a.P);
        BlockKernels.LowerOuterProducts(xc.P, z.P, ld, count, q.P);
        // the fused centre-and-weight pass gives the same centred rows, weighted rows and sums, bit for bit
        var xc2 = new Buf(count * ld);
        var z2 = new Buf(count * ld);
        var a2 = new Buf(ld);
        a0.CopyTo(a2.Span);
        BlockKernels.CenterWeight(xb.P, count, d, sb.P, rb.Span[c..], k, xc2.P, z2.P, a2.P, ld);
        Assert.Equal(xc.P, xc2.P);
        Assert.Equal(z.P, z2.P);
        Assert.Equal(a.P, a2.P);
        for (int i = 0; i < d; i++)
        {
            double ea = a0[i];
            for (int r = 0; r < count; r++) ea += resp[r * k + c] * (x[r * d + i] - s[i]);
            Approx.Equal(ea, a.P[i], 1e-12, $"A[{i}]", 1e-9);
            for (int j = 0; j <= i; j++)
            {
                double e = q0[i * ld + j];
                for (int r = 0; r < count; r++) e += resp[r * k + c] * (x[r * d + i] - s[i]) * (x[r * d + j] - s[j]);
                Approx.Equal(e, q.P[i * ld + j], 1e-12, $"Q[{i},{j}]", 1e-9);
            }
        }
    }

    [Avx512Theory]
    [InlineData(2, 4, 10)]
    [InlineData(8, 8, 64)]
    [InlineData(13, 19, 9)]
    [InlineData(16, 16, 64)]
    public void DiagonalLogProb_MatchesNaive(int d, int k, int count)
    {
        int ld = BlockKernels.Padded(d);
        var x = Random(count * d, 9, 2, 1e8);
        var mu = Random(k * d, 10, 2, 1e8);
        var p = Random(k * d, 11).Select(v => 0.5 + Math.Abs(v)).ToArray();
        var cst = Random(k, 12);
        var xb = new Buf(count * d);
        var mub = new Buf(k * ld);
        var pb = new Buf(k * ld);
        var cb = new Buf(k);
        var ob = new Buf(count * k);
        var pad = new Buf(ld);
        x.CopyTo(xb.Span); cst.CopyTo(cb.Span);
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) { mub.P[c * ld + j] = mu[c * d + j]; pb.P[c * ld + j] = p[c * d + j]; }
        BlockKernels.DiagonalLogProb(xb.P, count, d, ld, k, mub.P, pb.P, cb.P, ob.P, pad.P);
        for (int r = 0; r < count; r++)
            for (int c = 0; c < k; c++)
            {
                double s = 0;
                for (int j = 0; j < d; j++)
                {
                    double t = (x[r * d + j] - mu[c * d + j]) * p[c * d + j];
                    s += t * t;
                }
                Approx.Equal(cst[c] - 0.5 * s, ob.P[r * k + c], 1e-12, $"[{r},{c}]");
            }
    }

    [Avx512Theory]
    [InlineData(3, 10)]
    [InlineData(8, 64)]
    [InlineData(21, 17)]
    [InlineData(32, 64)]
    public void DiagonalMoments_MatchNaive(int d, int count)
    {
        int k = 2, c = 1;
        var x = Random(count * d, 13, 2, 3e7);
        var s = Random(d, 14, 2, 3e7);
        var resp = Random(count * k, 15).Select(Math.Abs).ToArray();
        var xb = new Buf(count * d);
        var sb = new Buf(d);
        var rb = new Buf(count * k);
        var a = new Buf(d);
        var q = new Buf(d);
        x.CopyTo(xb.Span); s.CopyTo(sb.Span); resp.CopyTo(rb.Span);
        BlockKernels.DiagonalMoments(xb.P, count, d, sb.P, rb.Span[c..], k, a.P, q.P);
        for (int j = 0; j < d; j++)
        {
            double ea = 0, eq = 0;
            for (int r = 0; r < count; r++)
            {
                double t = x[r * d + j] - s[j];
                ea += resp[r * k + c] * t;
                eq += resp[r * k + c] * t * t;
            }
            Approx.Equal(ea, a.P[j], 1e-12, $"A[{j}]", 1e-9);
            Approx.Equal(eq, q.P[j], 1e-12, $"Q[{j}]");
        }
    }

    [Avx512Fact]
    public void Sum8_GivesLaneSumsInOrder()
    {
        var v = Random(64, 16);
        var vs = new Vector512<double>[8];
        for (int i = 0; i < 8; i++) vs[i] = Vector512.Create(v.AsSpan(i * 8, 8));
        var sum = BlockKernels.Sum8(vs[0], vs[1], vs[2], vs[3], vs[4], vs[5], vs[6], vs[7]);
        for (int i = 0; i < 8; i++) Approx.Equal(v.AsSpan(i * 8, 8).ToArray().Sum(), sum[i], 1e-14, $"lane {i}");
    }

    [Avx512Theory]
    [InlineData(1, 24)]
    [InlineData(7, 17)]
    [InlineData(65, 40)]
    [InlineData(257, 64)]
    [InlineData(1000, 16)]
    public void WideOrders_AreTheSmallDKernelsBitForBit_AndMatchNaive(int d, int count)
    {
        // The wide-D loop orders (panels outer in the E-step, column blocks in the outer products) only reorder
        // whole tiles: every output is the same sequence of operations, so the results are identical.
        int ld = BlockKernels.Padded(d), rows = (count + 7) / 8 * 8;
        var xc = new double[rows * ld];
        var z = new double[rows * ld];
        var u = new double[ld * ld];
        var rx = Random(count * d, 21);
        var rz = Random(count * d, 22);
        var ru = Random(d * d, 23);
        for (int r = 0; r < count; r++)
            for (int j = 0; j < d; j++) { xc[r * ld + j] = rx[r * d + j]; z[r * ld + j] = rz[r * d + j]; }
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++) u[i * ld + j] = ru[i * d + j];
        var tiles = new double[rows];
        var panels = new double[rows];
        BlockKernels.TriangularSquaredNorms(xc, ld, rows, u, new double[BlockKernels.TileRows * BlockKernels.Lanes], tiles);
        BlockKernels.TriangularSquaredNormsWide(xc, ld, rows, u, new double[rows * BlockKernels.Lanes], panels);
        Assert.Equal(tiles, panels);
        for (int r = 0; r < count; r++)
        {
            double e = 0;
            for (int j = 0; j < d; j++)
            {
                double y = 0;
                for (int i = 0; i <= j; i++) y += xc[r * ld + i] * u[i * ld + j];
                e += y * y;
            }
            Approx.Equal(e, panels[r], 1e-11, $"row {r}", 1e-9);
        }
        var q1 = new double[ld * ld];
        var q2 = new double[ld * ld];
        BlockKernels.LowerOuterProducts(xc, z, ld, count, q1);
        BlockKernels.LowerOuterProductsWide(xc, z, ld, count, q2);
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
            {
                Assert.Equal(q1[i * ld + j], q2[i * ld + j]);
                double e = 0;
                for (int r = 0; r < count; r++) e += xc[r * ld + i] * z[r * ld + j];
                Approx.Equal(e, q2[i * ld + j], 1e-11, $"Q[{i},{j}]", 1e-9);
            }
    }
}
