using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Kernels;

namespace Mixtures.Internal;

/// <summary>
/// The one EM loop every family runs through. Each iteration makes one fused pass over the rows:
/// per block, the family's weighted log-densities, log-sum-exp into responsibilities, and at once
/// the weighted sufficient statistics; then the M-step and the convergence test
/// |lower bound - previous| &lt; tol (scikit-learn's semantics: the lower bound is the mean
/// log-likelihood computed in the E-step, before that iteration's M-step; a family that is also an
/// <see cref="IPosteriorBound{TParams}"/>, the variational one, computes it after the update). Rows come from an
/// <see cref="IRowSource"/>, read chunk by chunk in ranges of <see cref="ChunkPlan.SlabRows"/>, so only
/// the per-chunk buffers and statistics live here, whatever the source.
/// </summary>
internal sealed partial class ExpectationMaximization<TParams> : IDisposable where TParams : class
{
    readonly IMixtureFamily<TParams> _family;
    readonly IRowSource _source;
    readonly double _totalWeight;
    readonly ChunkPlan _plan;
    readonly int? _threads;
    // Per-chunk state is pooled: a chunk borrows statistics and buffers, and as soon as every chunk
    // before it is done its sums are added to _total, in chunk order (the same sequence of additions as
    // summing all chunks at the end: results do not depend on the pooling or the thread count), and
    // they go back to the pool. Chunks start in order, so only about as many are alive as threads run.
    readonly ISufficientStatistics<TParams> _total;
    readonly Stack<ChunkState> _pool = new();
    readonly ChunkState?[] _done;
    int _nextToMerge;
    readonly double[] _chunkSum;
    readonly IPosteriorBound<TParams>? _bound;   // non-null: the pass also sums r ln r for it
    readonly double[] _chunkRLogR;
    readonly WorstPoints[] _worst;
    /// <summary>mclust's l_0: the previous total log-likelihood before the first E-step.</summary>
    const double MclustFarAway = double.MaxValue / 2;
    /// <summary>Worst points kept beyond K, so repeated re-seeds can move past an isolated outlier.</summary>
    const int WorstExtra = 8;

    readonly List<ChunkState> _all = [];

    /// <summary>Rows x components x (D^2 + 16) below which a pass runs on the calling thread (about 50 us of work).</summary>
    const double SingleThreadWork = 1e5;

    sealed class ChunkState(ISufficientStatistics<TParams> stats, IRowReader reader, int logProb, int scratch)
    {
        public readonly ISufficientStatistics<TParams> Stats = stats;
        public readonly IRowReader Reader = reader;
        public readonly double[] LogProb = new double[logProb];
        public readonly double[] Lse = new double[ChunkPlan.BlockRows];
        public double[] Scratch = new double[scratch];
        public double[]? LogRho;   // the block's ln rho before normalization, when r ln r is summed
    }

    public ExpectationMaximization(IMixtureFamily<TParams> family, IRowSource source, double totalWeight, int? maxThreads)
    {
        _family = family;
        _source = source;
        _totalWeight = totalWeight;
        _plan = new ChunkPlan(source.Rows);
        int k = family.Components;
        // A pass of a few tens of microseconds is not worth a dispatch to the thread pool (results are the same).
        _threads = (double)source.Rows * k * ((double)source.Features * source.Features + 16) < SingleThreadWork ? 1 : maxThreads;
        _total = family.CreateStatistics();
        _done = new ChunkState?[_plan.Count];
        _worst = new WorstPoints[_plan.Count];
        _chunkSum = new double[_plan.Count];
        _bound = family as IPosteriorBound<TParams>;
        _chunkRLogR = new double[_plan.Count];
        for (int c = 0; c < _plan.Count; c++)
            _worst[c] = new WorstPoints(Math.Min(k + WorstExtra, _plan.Rows));
    }

    public EmResult<TParams> Run(TParams initial, EmSettings settings, int initIndex, IProgress<EmIteration>? progress, CancellationToken ct)
    {
        var parameters = initial;
        var history = new List<double>();
        double lowerBound = double.NegativeInfinity;
        bool converged = false;
        int iterations = 0, reseeds = 0;
        var degenerate = new List<Degeneracy>();
        int maxReseeds = 10 * _family.Components + 10;

        // mclust's rule compares total log-likelihoods and starts from far away, so the first test never stops.
        bool mclust = settings.Rule == StopRule.Mclust;
        double previousTotal = MclustFarAway;

        for (int iter = 1; iter <= settings.MaxIterations; iter++)
        {
            ct.ThrowIfCancellationRequested();
            double previous = lowerBound;
            // The pass gives the total log-likelihood of the current parameters (weighted): scikit-learn's lower
            // bound is its mean, mclust's rule tests the total itself.
            double totalLogLik = Pass(parameters);
            lowerBound = totalLogLik / _totalWeight;
            iterations = iter;
            double change;
            if (mclust)
            {
                // The pass gave l_t for the current parameters (the last M-step's): test before applying
                // its M-step, so that the parameters returned are the ones l_t belongs to.
                history.Add(lowerBound);
                change = lowerBound - previous;
                progress?.Report(new EmIteration(initIndex, iter, lowerBound, change));
                double err = Math.Abs(previousTotal - totalLogLik) / (1 + Math.Abs(totalLogLik));
                previousTotal = totalLogLik;
                if (err <= settings.Tolerance)
                {
                    converged = true;
                    break;
                }
                if (iter == settings.MaxIterations) break;
            }
            var total = MergeStatistics();
            degenerate.Clear();
            parameters = _family.MStep(total, parameters, degenerate) ?? parameters;   // null only without previous parameters
            if (!mclust)
            {
                // A family with a posterior bound (the variational fit) reports it after the update, as scikit-learn does.
                if (_bound is not null) lowerBound = _bound.LowerBound(parameters, SumInChunkOrder(_chunkRLogR));
                history.Add(lowerBound);
                change = lowerBound - previous;
                progress?.Report(new EmIteration(initIndex, iter, lowerBound, change));
            }
            else change = lowerBound - previous;

            if (degenerate.Count > 0)
            {
                int before = reseeds;
                parameters = Repair(parameters, degenerate, settings.Degenerate, ref reseeds, maxReseeds);
                if (reseeds > before)
                {
                    // The re-seeded model starts a new ascent: this iteration cannot count as converged.
                    lowerBound = double.NegativeInfinity;
                    previousTotal = MclustFarAway;
                    continue;
                }
            }
            if (!mclust && Math.Abs(change) < settings.Tolerance)
            {
                converged = true;
                break;
            }
        }
        return new EmResult<TParams>(parameters, history.Count > 0 ? history[^1] : double.NegativeInfinity,
            history.ToArray(), converged, iterations, reseeds);
    }

    TParams Repair(TParams parameters, List<Degeneracy> degenerate, DegenerateHandling handling, ref int reseeds, int maxReseeds)
    {
        foreach (var d in degenerate)
        {
            if (d.Abort || d.Component < 0 || (d.Fatal && handling == DegenerateHandling.Throw))
                throw new DegenerateFitException(
                    $"{d.Reason} Try fewer components, a larger reg_covar, or scaling the data.", d.Component);
        }
        if (handling == DegenerateHandling.Throw) return parameters; // only non-fatal ones (empty components): kept, as scikit-learn does
        var worst = _worst[0];
        for (int c = 1; c < _worst.Length; c++) worst.Merge(_worst[c]);
        for (int j = 0; j < degenerate.Count; j++)
        {
            var d = degenerate[j];
            if (reseeds >= maxReseeds)
            {
                // Out of re-seeds: a component that is still usable is kept as it is (what scikit-learn
                // would return); one that is not positive definite cannot be, so the fit stops here.
                if (!d.Fatal) continue;
                throw new DegenerateFitException(
                    $"{d.Reason} It kept degenerating after {maxReseeds} re-seeds. Try fewer components, a larger reg_covar, or scaling the data.",
                    d.Component);
            }
            // The (j + r)-th worst point: successive re-seeds move on from a point that keeps failing.
            int row = worst.Row((j + reseeds) % worst.Count);
            reseeds++;
            parameters = _family.Reseed(parameters, d.Component, ReadRow(row));
        }
        return parameters;
    }

    double[] ReadRow(long row)
    {
        using var reader = _source.OpenReader();
        return reader.Read(row, 1).Values.ToArray();
    }

    /// <summary>One fused pass: E-step and sufficient statistics. Returns the weighted total log-likelihood.</summary>
    double Pass(TParams parameters)
    {
        var evaluator = _family.CreateEvaluator(parameters);
        int k = _family.Components;
        int evalScratch = evaluator.ScratchLength(ChunkPlan.BlockRows);
        _total.Begin(parameters);
        _nextToMerge = 0;
        Array.Clear(_done);   // after a pass that threw: its leftovers are not merged
        if (Remote is not null) return RemotePass(parameters);
        // Fully optimized from the first call: short fits should not run tier-0 code for most of their iterations.
        ForEachChunk([System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)] (int c) =>
        {
            var (start, length) = _plan[c];
            var buf = Borrow();
            if (buf.Scratch.Length < evalScratch) buf.Scratch = new double[evalScratch];
            var stats = buf.Stats;
            var worst = _worst[c];
            stats.Begin(parameters);
            worst.Clear();
            double sum = 0, rLogR = 0;
            int d = _source.Features;
            for (int s0 = start; s0 < start + length; s0 += ChunkPlan.SlabRows)
            {
                int slab = Math.Min(ChunkPlan.SlabRows, start + length - s0);
                // A pass over millions of rows takes seconds: a signal must not wait for its end.
                FitCancellation.ThrowIfRequested();
                var range = buf.Reader.Read(s0, slab);
                for (int o = 0; o < slab; o += ChunkPlan.BlockRows)
                {
                    int n = Math.Min(ChunkPlan.BlockRows, slab - o), b = s0 + o;
                    if (d >= 256 && o > 0) FitCancellation.ThrowIfRequested();   // wide rows: a slab is seconds of work
                    var rows = range.Values.Slice(o * d, n * d);
                    var lp = buf.LogProb.AsSpan(0, n * k);
                    evaluator.WeightedLogProb(rows, n, lp, buf.Scratch);
                    if (_bound is not null) lp.CopyTo(buf.LogRho ??= new double[buf.LogProb.Length]);
                    LogSumExp.NormalizeRows(lp, n, k, buf.Lse);
                    if (_bound is not null)
                        rLogR += ResponsibilityEntropy.Block(lp, buf.LogRho!, buf.Lse, range.Weights.IsEmpty ? default : range.Weights.Slice(o, n), n, k);
                    for (int r = 0; r < n; r++)
                    {
                        double lse = buf.Lse[r];
                        double w = range.Weight(o + r);
                        if (w != 1.0)
                            for (int j = r * k; j < (r + 1) * k; j++) lp[j] *= w;
                        if (w > 0)
                        {
                            sum += w * lse;
                            worst.Offer(lse, b + r);
                        }
                    }
                    stats.Accumulate(rows, n, lp, buf.Scratch);
                }
            }
            _chunkSum[c] = sum;
            _chunkRLogR[c] = rLogR;
            Finish(c, buf);
        });
        return SumInChunkOrder(_chunkSum);
    }

    static double SumInChunkOrder(double[] chunkSums)
    {
        double total = 0;
        foreach (double v in chunkSums) total += v;
        return total;
    }

    ChunkState Borrow()
    {
        lock (_pool)
        {
            if (_pool.Count > 0) return _pool.Pop();
        }
        var stats = _family.CreateStatistics();
        var state = new ChunkState(stats, ReadAheadReader.Open(_source, ChunkEnd), ChunkPlan.BlockRows * _family.Components, stats.ScratchLength(ChunkPlan.BlockRows));
        lock (_pool) _all.Add(state);
        return state;
    }

    /// <summary>The end of the chunk that holds <paramref name="row"/>: a chunk's reader reads ahead only within its chunk.</summary>
    long ChunkEnd(long row)
    {
        var (start, length) = _plan[_plan.ChunkOf((int)row)];
        return start + length;
    }

    /// <summary>Closes the readers of every chunk state.</summary>
    public void Dispose()
    {
        lock (_pool)
        {
            foreach (var state in _all) state.Reader.Dispose();
            _all.Clear();
            _pool.Clear();
        }
    }

    /// <summary>Chunk <paramref name="c"/> is done: add every finished chunk that is next in order to the total.</summary>
    void Finish(int c, ChunkState state)
    {
        if (_outcomes is not null)
        {
            Capture(c, state);
            return;
        }
        lock (_pool)
        {
            _done[c] = state;
            while (_nextToMerge < _done.Length && _done[_nextToMerge] is { } next)
            {
                _total.Add(next.Stats);
                _done[_nextToMerge++] = null;
                _pool.Push(next);
            }
        }
    }

    ISufficientStatistics<TParams> MergeStatistics()
    {
        if (_nextToMerge != _plan.Count) throw new InvalidOperationException("Not every chunk was merged.");
        return _total;
    }
}
