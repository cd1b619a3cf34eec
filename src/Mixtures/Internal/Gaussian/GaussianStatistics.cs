using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Gaussian;

/// <summary>
/// Weighted sufficient statistics of one chunk, centred on the current means s_k so that no
/// E[x^2] - mean^2 cancellation happens: R_k = sum r, A_k = sum r (x - s_k) and the second
/// moments Q_k = sum r (x - s_k)(x - s_k)^T (full: lower triangle; diag/spherical: diagonal;
/// tied: none, the M-step uses the data's scatter matrix, which does not change).
/// With AVX-512 the sums are kept padded to a multiple of 8 columns on the pinned heap and are
/// accumulated per block by <see cref="BlockKernels"/> (full: Xc^T (r .* Xc) as register-blocked
/// outer products); <see cref="A"/> and <see cref="Q"/> unpack them on first read after a change.
/// Components whose responsibilities in a block are all exactly zero are skipped.
/// </summary>
internal sealed unsafe partial class GaussianStatistics : ISufficientStatistics<GaussianParameters>
{
    double[] _a;                    // blocked path: allocated on first read (only the merged chunk is read)
    double[] _q;

    // Blocked path: [shift K x ld][A K x ld][Q: full K x ld x ld, otherwise K x ld]
    readonly bool _blocked;
    readonly int _ld;
    readonly double[]? _packed;     // pinned; keeps the pointers below alive
    readonly double* _shiftP, _aP, _qP;
    readonly int _packedLength;
    bool _stale;                    // _a/_q lag behind the padded sums
    readonly double[] _rSum;        // blocked path: per-component responsibility sums of a (sub-)block

    public GaussianStatistics(MomentShape moments, int k, int d) : this(moments, k, d, BlockKernels.IsSupported) { }

    /// <param name="moments">The second moments the covariance model reads.</param>
    /// <param name="k">Components.</param>
    /// <param name="d">Features.</param>
    /// <param name="blocked">Use the AVX-512 kernels (requires <see cref="BlockKernels.IsSupported"/>); tests compare both paths.</param>
    public GaussianStatistics(MomentShape moments, int k, int d, bool blocked)
    {
        if (blocked && !BlockKernels.IsSupported) throw new PlatformNotSupportedException("AVX-512 kernels are not supported here.");
        Moments = moments; K = k; D = d;
        Shift = new double[k * d];
        R = new double[k];
        _rSum = new double[k];
        _a = Array.Empty<double>();
        _q = Array.Empty<double>();
        if (!blocked) AllocateUnpacked();
        _blocked = blocked;
        if (_blocked)
        {
            int ld = _ld = BlockKernels.Padded(d);
            int qLength = moments == MomentShape.Full ? k * ld * ld : k * ld;   // none: scratch for the diagonal kernel
            _packedLength = 2 * k * ld + qLength;
            _packed = GC.AllocateArray<double>(_packedLength + BlockKernels.Lanes, pinned: true);
            fixed (double* b = _packed) _shiftP = BlockKernels.Align64(b);
            _aP = _shiftP + k * ld;
            _qP = _aP + k * ld;
        }
    }

    public MomentShape Moments { get; }
    public int K { get; }
    public int D { get; }
    public double[] Shift { get; }
    public double[] R { get; }

    public double[] A
    {
        get
        {
            if (_stale || _a.Length != K * D) Unpack();
            return _a;
        }
    }

    public double[] Q
    {
        get
        {
            if (_stale || _a.Length != K * D) Unpack();
            return _q;
        }
    }

    void AllocateUnpacked()
    {
        _a = new double[K * D];
        _q = Moments switch
        {
            MomentShape.Full => new double[K * D * D],
            MomentShape.None => Array.Empty<double>(),
            _ => new double[K * D],
        };
    }

    static int RoundRows(int rows) => (rows + BlockKernels.TileRows - 1) / BlockKernels.TileRows * BlockKernels.TileRows;

    public int ScratchLength(int rows) =>
        !_blocked || Moments != MomentShape.Full ? D
        : _ld >= BlockKernels.WideFeatures ? RoundRows(rows) * (5 * _ld + 16) + BlockKernels.Lanes   // + the packed copies
        : 3 * RoundRows(rows) * _ld + BlockKernels.Lanes;

    /// <summary>Where sums are centred before any parameters exist (null: the origin); the family sets the data mean.</summary>
    public double[]? Centre { get; init; }

    /// <summary>Centres on the current means, or on <see cref="Centre"/> for every component when there are none yet.</summary>
    public void Begin(GaussianParameters? current)
    {
        if (current is not null)
        {
            Begin(current.Means);
            return;
        }
        var shift = new double[K * D];
        if (Centre is { } centre)
            for (int c = 0; c < K; c++) centre.CopyTo(shift.AsSpan(c * D, D));
        Begin(shift);
    }

    /// <summary>Clears the sums and centres the next ones on <paramref name="shift"/> (K x D).</summary>
    public void Begin(ReadOnlySpan<double> shift)
    {
        shift.CopyTo(Shift);
        Array.Clear(R);
        Array.Clear(_a);
        Array.Clear(_q);
        if (_blocked)
        {
            new Span<double>(_shiftP, _packedLength).Clear();
            for (int c = 0; c < K; c++)
                for (int j = 0; j < D; j++) _shiftP[c * _ld + j] = Shift[c * D + j];
        }
        _stale = false;
    }

    public void Accumulate(ReadOnlySpan<double> rows, int count, ReadOnlySpan<double> weightedResp, Span<double> scratch)
    {
        if (_blocked) AccumulateBlocked(rows, count, weightedResp, scratch);
        else AccumulatePortable(rows, count, weightedResp, scratch);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    void AccumulateBlocked(ReadOnlySpan<double> rows, int count, ReadOnlySpan<double> weightedResp, Span<double> scratch)
    {
        int k = K, d = D, ld = _ld;
        if (count == 0) return;
        if (scratch.Length < ScratchLength(count)) throw new ArgumentException("Scratch too small.", nameof(scratch));
        if (rows.Length < count * d || weightedResp.Length < count * k) throw new ArgumentException("Block too small.");
        _stale = true;
        fixed (double* x0 = rows, resp = weightedResp, s0 = scratch)
        {
            double* x = x0;
            double* xc = BlockKernels.Align64(s0);
            double* z = xc + (nint)RoundRows(count) * ld;
            if (Moments == MomentShape.Full && d != ld)
            {
                // Rows padded to ld once per block, so that centring runs on whole vectors for every component.
                double* xp = z + (nint)RoundRows(count) * ld;
                BlockKernels.Pad(x, count, d, xp, ld);
                x = xp;
                d = ld;
            }
            // Wide D: the whole block at once (each pass over q, 8 MB at D = 1000, then serves 128 rows, not 32).
            bool wide = ld >= BlockKernels.WideFeatures;
            int sub = Moments == MomentShape.Full && !wide ? BlockKernels.SubBlockRows(ld) : count;
            double* packX = z + 2 * (nint)RoundRows(count) * ld;   // wide only: after z and the padded rows
            for (int r0 = 0; r0 < count; r0 += sub)
            {
                int n = Math.Min(sub, count - r0);
                double* xs = x + (nint)r0 * d, rs = resp + (nint)r0 * k;
                ColumnSums(rs, n, k, _rSum);
                int pending = -1;   // diagonal: a component waiting for a partner (two per pass over the rows)
                for (int c = 0; c < k; c++)
                {
                    double rSum = _rSum[c];
                    if (rSum == 0) continue;   // responsibilities are >= 0: all exactly zero, nothing to add
                    R[c] += rSum;
                    double* s = _shiftP + c * ld, a = _aP + c * ld;
                    if (Moments == MomentShape.Full)
                    {
                        BlockKernels.CenterWeight(xs, n, d, s, rs + c, k, xc, z, a, ld);
                        if (wide) BlockKernels.LowerOuterProductsWide(xc, z, ld, n, _qP + (nint)c * ld * ld, packX, packX + (nint)RoundRows(count) * ld);
                        else BlockKernels.LowerOuterProducts(xc, z, ld, n, _qP + (nint)c * ld * ld);
                    }
                    else if (pending < 0)
                    {
                        pending = c;
                    }
                    else
                    {
                        int p = pending;
                        pending = -1;
                        BlockKernels.DiagonalMomentsPair(xs, n, d, k, _shiftP + p * ld, rs + p, _aP + p * ld, _qP + p * ld,
                            s, rs + c, a, _qP + c * ld);
                    }
                }
                if (pending >= 0)
                    BlockKernels.DiagonalMoments(xs, n, d, _shiftP + pending * ld, rs + pending, k, _aP + pending * ld, _qP + pending * ld);
            }
        }
    }

    /// <summary>
    /// sums[c] = sum over r = 0..n-1 (in row order) of resp[r * k + c]: vectorized across the components,
    /// so each sum is the same sequence of additions as a scalar loop, without its latency chain.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    static void ColumnSums(double* resp, int n, int k, double[] sums)
    {
        fixed (double* o = sums)
        {
            int c = 0;
            for (; c + BlockKernels.Lanes <= k; c += BlockKernels.Lanes)
            {
                var acc = System.Runtime.Intrinsics.Vector512<double>.Zero;
                for (int r = 0; r < n; r++) acc += System.Runtime.Intrinsics.Vector512.Load(resp + (nint)r * k + c);
                System.Runtime.Intrinsics.Vector512.Store(acc, o + c);
            }
            for (; c < k; c++)
            {
                double s = 0;
                for (int r = 0; r < n; r++) s += resp[(nint)r * k + c];
                o[c] = s;
            }
        }
    }

    void AccumulatePortable(ReadOnlySpan<double> rows, int count, ReadOnlySpan<double> weightedResp, Span<double> scratch)
    {
        int k = K, d = D;
        var xc = scratch[..d];
        for (int c = 0; c < k; c++)
        {
            var s = Shift.AsSpan(c * d, d);
            var a = _a.AsSpan(c * d, d);
            double rSum = 0;
            for (int r = 0; r < count; r++)
            {
                double rk = weightedResp[r * k + c];
                if (rk == 0) continue;
                rSum += rk;
                var x = rows.Slice(r * d, d);
                for (int j = 0; j < d; j++) xc[j] = x[j] - s[j];
                QuadraticForms.Axpy(rk, xc, a);
                switch (Moments)
                {
                    case MomentShape.Full:
                        var q = _q.AsSpan(c * d * d, d * d);
                        for (int i = 0; i < d; i++)
                            QuadraticForms.Axpy(rk * xc[i], xc[..(i + 1)], q.Slice(i * d, i + 1));
                        break;
                    case MomentShape.Diagonal:
                        var qd = _q.AsSpan(c * d, d);
                        for (int j = 0; j < d; j++) qd[j] += rk * xc[j] * xc[j];
                        break;
                }
            }
            R[c] += rSum;
        }
    }

    public void Add(ISufficientStatistics<GaussianParameters> other)
    {
        var o = (GaussianStatistics)other;
        for (int i = 0; i < R.Length; i++) R[i] += o.R[i];
        if (_blocked)
        {
            // A and Q only (the shifts are equal): [A][Q] are contiguous after the shift.
            int from = K * _ld;
            for (int i = from; i < _packedLength; i++) _shiftP[i] += o._shiftP[i];
            _stale = true;
            return;
        }
        for (int i = 0; i < _a.Length; i++) _a[i] += o._a[i];
        for (int i = 0; i < _q.Length; i++) _q[i] += o._q[i];
    }

    void Unpack()
    {
        int k = K, d = D, ld = _ld;
        if (_a.Length == 0 && k * d > 0) AllocateUnpacked();
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++) _a[c * d + j] = _aP[c * ld + j];
        switch (Moments)
        {
            case MomentShape.Full:
                for (int c = 0; c < k; c++)
                    for (int i = 0; i < d; i++)
                    {
                        if ((i & 255) == 255) FitCancellation.ThrowIfRequested();   // D = 10000: 5e7 entries per component
                        for (int j = 0; j <= i; j++)
                            _q[c * d * d + i * d + j] = _qP[(nint)c * ld * ld + i * ld + j];
                    }
                break;
            case MomentShape.Diagonal:
                for (int c = 0; c < k; c++)
                    for (int j = 0; j < d; j++) _q[c * d + j] = _qP[c * ld + j];
                break;
        }
        _stale = false;
    }
}
