using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Gaussian;

/// <summary>
/// E-step of a Gaussian mixture: ln w_k - D/2 ln 2 pi + ln det U_k - |(x - mu_k) U_k|^2 / 2.
/// Immutable after construction and so safe to share between threads.
/// With AVX-512 the parameters are repacked once (means and factors padded to a multiple of 8
/// columns, 64-byte aligned, on the pinned heap) for <see cref="BlockKernels"/>; otherwise the
/// portable <see cref="QuadraticForms"/> loops run.
/// </summary>
internal sealed unsafe class GaussianEvaluator : IComponentEvaluator
{
    static readonly double Log2Pi = Math.Log(2 * Math.PI);
    readonly GaussianParameters _p;
    readonly double[] _constant;
    readonly FactorLayout _layout;
    readonly double[] _portable;    // portable path: the factors as the model packs them, unpadded

    // Blocked path: [means K x ld][factors: full K x ld x ld, tied ld x ld, diag/spherical K x ld]
    readonly bool _blocked;
    readonly int _ld;
    readonly double[]? _packed;     // pinned; keeps _means/_factors alive
    readonly double* _means;
    readonly double* _factors;
    readonly double* _constants;
    readonly int _laneMaxFeatures = LaneMaxFeatures;

    public GaussianEvaluator(GaussianParameters p) : this(p, null, BlockKernels.IsSupported) { }

    /// <param name="p">The parameters.</param>
    /// <param name="blocked">Use the AVX-512 kernels (requires <see cref="BlockKernels.IsSupported"/>); tests compare both paths.</param>
    public GaussianEvaluator(GaussianParameters p, bool blocked) : this(p, null, blocked) { }

    /// <summary>
    /// The same Gaussian terms with per-component constants <paramref name="logWeights"/> in place of ln w_k:
    /// the variational E-step is this evaluator with E[ln pi_k] and its digamma and mean-precision terms there.
    /// </summary>
    public GaussianEvaluator(GaussianParameters p, double[] logWeights) : this(p, logWeights, BlockKernels.IsSupported) { }

    /// <param name="p">The parameters.</param>
    /// <param name="logWeights">Per-component constants replacing ln w_k (null: ln w_k).</param>
    /// <param name="blocked">Use the AVX-512 kernels (requires <see cref="BlockKernels.IsSupported"/>); tests compare both paths.</param>
    public GaussianEvaluator(GaussianParameters p, double[]? logWeights, bool blocked)
    {
        if (blocked && !BlockKernels.IsSupported) throw new PlatformNotSupportedException("AVX-512 kernels are not supported here.");
        _p = p;
        int k = p.K, d = p.D;
        _constant = new double[k];
        for (int c = 0; c < k; c++)
            _constant[c] = (logWeights is null ? Math.Log(p.Weights[c]) : logWeights[c]) - 0.5 * d * Log2Pi + p.LogDet[c];
        _layout = p.Model.Layout;
        int factors = _layout == FactorLayout.TriangularShared ? 1 : k;
        int size = _layout == FactorLayout.DiagonalPerComponent ? d : d * d;
        _blocked = blocked;
        if (!_blocked)
        {
            _portable = new double[factors * size];
            for (int f = 0; f < factors; f++) p.Model.PackFactor(p.PrecisionsCholesky, f, d, _portable.AsSpan(f * size, size));
            return;
        }
        _portable = [];

        int ld = _ld = BlockKernels.Padded(d);
        int factorLength = _layout == FactorLayout.DiagonalPerComponent ? k * ld : factors * ld * ld;
        _packed = GC.AllocateArray<double>(k * ld + factorLength + k + BlockKernels.Lanes, pinned: true);
        fixed (double* b = _packed) _means = BlockKernels.Align64(b);
        _factors = _means + k * ld;
        _constants = _factors + factorLength;
        for (int c = 0; c < k; c++) _constants[c] = _constant[c];
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) _means[c * ld + j] = p.Means[c * d + j];
        // The model's unpadded factor, then copied row by row into the padded, aligned layout.
        // (A D x D scratch at large D: from the pool, not a new 8 MB - 800 MB array every pass.)
        bool pooled = size > 4096;
        var one = pooled ? WorkspacePool.Rent(size) : new double[size];
        int stride = _layout == FactorLayout.DiagonalPerComponent ? ld : ld * ld;
        for (int f = 0; f < factors; f++)
        {
            p.Model.PackFactor(p.PrecisionsCholesky, f, d, one.AsSpan(0, size));
            double* dst = _factors + (nint)f * stride;
            if (_layout == FactorLayout.DiagonalPerComponent)
                for (int j = 0; j < d; j++) dst[j] = one[j];
            else
                for (int i = 0; i < d; i++)
                {
                    if ((i & 255) == 255) FitCancellation.ThrowIfRequested();   // D = 10000: 1e8 entries per factor
                    for (int j = 0; j < d; j++) dst[i * ld + j] = one[i * d + j];
                }
        }
        if (pooled) WorkspacePool.Return(one);
        if (_layout != FactorLayout.DiagonalPerComponent && ld >= BlockKernels.WideFeatures)
        {
            // Wide D: each factor re-laid by panels (TriangularSquaredNormsWide streams them).
            var panels = WorkspacePool.Rent(ld * ld + BlockKernels.Lanes);
            fixed (double* pp = panels)
            {
                double* aligned = BlockKernels.Align64(pp);
                for (int f = 0; f < factors; f++)
                {
                    FitCancellation.ThrowIfRequested();
                    double* u = _factors + (nint)f * ld * ld;
                    BlockKernels.PackPanels(u, ld, aligned);
                    new ReadOnlySpan<double>(aligned, ld * ld).CopyTo(new Span<double>(u, ld * ld));
                }
            }
            WorkspacePool.Return(panels);
        }
    }

    public int Components => _p.K;

    static int RoundRows(int rows) => (rows + BlockKernels.TileRows - 1) / BlockKernels.TileRows * BlockKernels.TileRows;

    /// <summary>
    /// Full and tied covariance with D up to this use the rows-in-lanes kernels (transposed block, no
    /// horizontal sums, D padded to 4); larger D the 8-row register tiles, which reach the same speed
    /// there and keep a sub-block in L1. Settable for benchmarks and tests; read once per evaluator.
    /// </summary>
    internal static int LaneMaxFeatures { get; set; } = 32;

    /// <summary>Rows per transposed sub-block (a multiple of <see cref="BlockKernels.LaneTileRows"/>).</summary>
    internal static int LaneSubBlock { get; set; } = 64;

    bool UseLanes => _layout != FactorLayout.DiagonalPerComponent && _p.D <= _laneMaxFeatures;

    public int ScratchLength(int rows) =>
        !_blocked ? _p.D
        : UseLanes ? 2 * BlockKernels.Padded4(_p.D) * BlockKernels.LaneWidth(rows) + BlockKernels.LaneWidth(rows) + 2 * BlockKernels.Lanes
        : RoundRows(rows) * (2 * _ld + 1 + BlockKernels.Lanes) + BlockKernels.Lanes;

    public void WeightedLogProb(ReadOnlySpan<double> rows, int count, Span<double> output, Span<double> scratch)
    {
        if (_blocked) WeightedLogProbBlocked(rows, count, output, scratch);
        else WeightedLogProbPortable(rows, count, output, scratch);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    void WeightedLogProbBlocked(ReadOnlySpan<double> rows, int count, Span<double> output, Span<double> scratch)
    {
        int k = _p.K, d = _p.D, ld = _ld;
        if (count == 0) return;
        if (scratch.Length < ScratchLength(count)) throw new ArgumentException("Scratch too small.", nameof(scratch));
        if (rows.Length < count * d || output.Length < count * k) throw new ArgumentException("Block too small.");
        int r8 = RoundRows(count);
        fixed (double* x0 = rows, o = output, s0 = scratch)
        {
            double* x = x0;
            double* xc = BlockKernels.Align64(s0);
            if (_layout == FactorLayout.DiagonalPerComponent)
            {
                BlockKernels.DiagonalLogProb(x, count, d, ld, k, _means, _factors, _constants, o, xc);
                return;
            }
            bool full = _layout == FactorLayout.TriangularPerComponent;
            if (UseLanes)
            {
                // Rows in lanes: transpose the block once, then 32-row x 4-column tiles per component.
                int d4 = BlockKernels.Padded4(d);
                for (int r0 = 0; r0 < count; r0 += LaneSubBlock)
                {
                    int n = Math.Min(LaneSubBlock, count - r0), bw = BlockKernels.LaneWidth(n);
                    double* xT = xc, xcT = xT + (nint)d4 * bw, quad = xcT + (nint)d4 * bw;
                    double* os = o + (nint)r0 * k;
                    BlockKernels.TransposeRows(x + (nint)r0 * d, n, d, xT, d4, bw);
                    for (int c = 0; c < k; c++)
                    {
                        double cst = _constant[c];
                        BlockKernels.LaneSquaredNorms(xT, d4, bw, _means + c * ld, full ? _factors + (nint)c * ld * ld : _factors, ld, xcT, quad);
                        for (int r = 0; r < n; r++) os[r * k + c] = cst - 0.5 * quad[r];
                    }
                }
                return;
            }
            // Running sums of squares: one 8 x 8 tile, or one per row tile when the panels go outer (wide D).
            double* sq = xc + (nint)r8 * ld;
            double* tmp = sq + (nint)r8 * BlockKernels.Lanes;
            bool wide = ld >= BlockKernels.WideFeatures;
            if (d != ld)
            {
                // Rows padded to ld once per block, so that centring runs on whole vectors for every component.
                double* xp = tmp + r8;
                BlockKernels.Pad(x, count, d, xp, ld);
                x = xp;
                d = ld;
            }
            int sub = wide ? BlockKernels.WideSubBlockRows : BlockKernels.SubBlockRows(ld);
            for (int r0 = 0; r0 < count; r0 += sub)
            {
                int n = Math.Min(sub, count - r0), n8 = RoundRows(n);
                double* xs = x + (nint)r0 * d, os = o + (nint)r0 * k;
                for (int c = 0; c < k; c++)
                {
                    double cst = _constant[c];
                    BlockKernels.Center(xs, n, d, _means + c * ld, xc, ld, n8);
                    double* u = full ? _factors + (nint)c * ld * ld : _factors;
                    if (wide) BlockKernels.TriangularSquaredNormsWide(xc, ld, n8, u, sq, tmp);
                    else BlockKernels.TriangularSquaredNorms(xc, ld, n8, u, sq, tmp);
                    for (int r = 0; r < n; r++) os[r * k + c] = cst - 0.5 * tmp[r];
                }
            }
        }
    }

    void WeightedLogProbPortable(ReadOnlySpan<double> rows, int count, Span<double> output, Span<double> scratch)
    {
        int k = _p.K, d = _p.D;
        var means = _p.Means.AsSpan();
        for (int c = 0; c < k; c++)
        {
            var mu = means.Slice(c * d, d);
            var dst = output[c..];
            switch (_layout)
            {
                case FactorLayout.TriangularPerComponent:
                    QuadraticForms.Triangular(rows, count, d, mu, _portable.AsSpan(c * d * d, d * d), dst, k, scratch);
                    break;
                case FactorLayout.TriangularShared:
                    QuadraticForms.Triangular(rows, count, d, mu, _portable, dst, k, scratch);
                    break;
                default:
                    QuadraticForms.Diagonal(rows, count, d, mu, _portable.AsSpan(c * d, d), dst, k);
                    break;
            }
            double cst = _constant[c];
            for (int r = 0; r < count; r++) output[r * k + c] = cst - 0.5 * output[r * k + c];
        }
    }
}
