namespace Mixtures.Internal.Kernels;

/// <summary>Span overloads of the block kernels (pin and forward; used by tests and cold paths).</summary>
internal static unsafe partial class BlockKernels
{
    public static void Center(ReadOnlySpan<double> x, int count, int d, ReadOnlySpan<double> mu, Span<double> xc, int ld, int rowsPadded)
    {
        Check(x, count * d); Check(mu, ld); Check(xc, rowsPadded * ld);
        fixed (double* px = x, pm = mu, pc = xc) Center(px, count, d, pm, pc, ld, rowsPadded);
    }

    public static void TriangularSquaredNorms(ReadOnlySpan<double> xc, int ld, int rows, ReadOnlySpan<double> u, Span<double> sq, Span<double> dst)
    {
        Check(xc, rows * ld); Check(u, ld * ld); Check(sq, TileRows * Lanes); Check(dst, rows);
        fixed (double* px = xc, pu = u, ps = sq, pd = dst) TriangularSquaredNorms(px, ld, rows, pu, ps, pd);
    }

    public static void TriangularSquaredNormsWide(ReadOnlySpan<double> xc, int ld, int rows, ReadOnlySpan<double> u, Span<double> sq, Span<double> dst)
    {
        Check(xc, rows * ld); Check(u, ld * ld); Check(sq, rows * Lanes); Check(dst, rows);
        var packed = new double[ld * ld];
        fixed (double* px = xc, pu = u, pp = packed, ps = sq, pd = dst)
        {
            PackPanels(pu, ld, pp);
            TriangularSquaredNormsWide(px, ld, rows, pp, ps, pd);
        }
    }

    public static void LowerOuterProductsWide(ReadOnlySpan<double> xc, ReadOnlySpan<double> z, int ld, int count, Span<double> q)
    {
        Check(xc, count * ld); Check(z, count * ld); Check(q, ld * ld);
        var packX = new double[count * ld];
        var packZ = new double[count * (ld + 16)];
        fixed (double* px = xc, pz = z, pq = q, ppx = packX, ppz = packZ) LowerOuterProductsWide(px, pz, ld, count, pq, ppx, ppz);
    }

    public static void Weight(ReadOnlySpan<double> xc, int ld, int count, ReadOnlySpan<double> resp, int stride, Span<double> z, Span<double> a)
    {
        Check(xc, count * ld); Check(resp, (count - 1) * stride + 1); Check(z, count * ld); Check(a, ld);
        fixed (double* px = xc, pr = resp, pz = z, pa = a) Weight(px, ld, count, pr, stride, pz, pa);
    }

    public static void CenterWeight(ReadOnlySpan<double> x, int count, int d, ReadOnlySpan<double> s, ReadOnlySpan<double> resp, int stride,
        Span<double> xc, Span<double> z, Span<double> a, int ld)
    {
        Check(x, count * d); Check(s, ld); Check(resp, (count - 1) * stride + 1); Check(xc, count * ld); Check(z, count * ld); Check(a, ld);
        fixed (double* px = x, ps = s, pr = resp, pc = xc, pz = z, pa = a) CenterWeight(px, count, d, ps, pr, stride, pc, pz, pa, ld);
    }

    public static void LowerOuterProducts(ReadOnlySpan<double> xc, ReadOnlySpan<double> z, int ld, int count, Span<double> q)
    {
        Check(xc, count * ld); Check(z, count * ld); Check(q, ld * ld);
        fixed (double* px = xc, pz = z, pq = q) LowerOuterProducts(px, pz, ld, count, pq);
    }

    public static void DiagonalLogProb(ReadOnlySpan<double> x, int count, int d, int ld, int k, ReadOnlySpan<double> mu, ReadOnlySpan<double> p,
        ReadOnlySpan<double> cst, Span<double> o, Span<double> pad)
    {
        Check(x, count * d); Check(mu, k * ld); Check(p, k * ld); Check(cst, k); Check(o, count * k); Check(pad, ld);
        fixed (double* px = x, pm = mu, pp = p, pc = cst, po = o, pa = pad) DiagonalLogProb(px, count, d, ld, k, pm, pp, pc, po, pa);
    }

    public static void DiagonalMoments(ReadOnlySpan<double> x, int count, int d, ReadOnlySpan<double> shift, ReadOnlySpan<double> resp, int stride,
        Span<double> a, Span<double> q)
    {
        Check(x, count * d); Check(shift, d); Check(resp, (count - 1) * stride + 1); Check(a, d); Check(q, d);
        fixed (double* px = x, ps = shift, pr = resp, pa = a, pq = q) DiagonalMoments(px, count, d, ps, pr, stride, pa, pq);
    }

    public static void DiagonalMomentsPair(ReadOnlySpan<double> x, int count, int d, int stride,
        ReadOnlySpan<double> shiftA, ReadOnlySpan<double> respA, Span<double> aA, Span<double> qA,
        ReadOnlySpan<double> shiftB, ReadOnlySpan<double> respB, Span<double> aB, Span<double> qB)
    {
        Check(x, count * d); Check(shiftA, d); Check(respA, (count - 1) * stride + 1); Check(aA, d); Check(qA, d);
        Check(shiftB, d); Check(respB, (count - 1) * stride + 1); Check(aB, d); Check(qB, d);
        fixed (double* px = x, sa = shiftA, ra = respA, pa = aA, pqa = qA, sb = shiftB, rb = respB, pb = aB, pqb = qB)
            DiagonalMomentsPair(px, count, d, stride, sa, ra, pa, pqa, sb, rb, pb, pqb);
    }

    public static void TransposeRows(ReadOnlySpan<double> x, int count, int d, Span<double> xT, int d4, int bw)
    {
        Check(x, count * d); Check(xT, d4 * bw);
        if (count > bw || d > d4 || bw % LaneTileRows != 0 || d4 % 4 != 0) throw new ArgumentException("Bad transposed shape.");
        fixed (double* px = x, pt = xT) TransposeRows(px, count, d, pt, d4, bw);
    }

    public static void LaneSquaredNorms(ReadOnlySpan<double> xT, int d4, int bw, ReadOnlySpan<double> mu, ReadOnlySpan<double> u, int ld,
        Span<double> xc, Span<double> quad)
    {
        Check(xT, d4 * bw); Check(mu, d4); Check(u, (d4 - 1) * ld + d4); Check(xc, d4 * bw); Check(quad, bw);
        if (bw % LaneTileRows != 0 || d4 % 4 != 0 || ld < d4) throw new ArgumentException("Bad transposed shape.");
        fixed (double* pt = xT, pm = mu, pu = u, pc = xc, pq = quad) LaneSquaredNorms(pt, d4, bw, pm, pu, ld, pc, pq);
    }

    static void Check(ReadOnlySpan<double> s, int length)
    {
        if (s.Length < length) throw new ArgumentException($"Buffer of {s.Length} doubles where {length} are needed.");
    }
}
