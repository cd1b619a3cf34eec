using System.Diagnostics;
using Mixtures.Data;
using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Gaussian;

/// <summary>
/// Stepwise EM (Cappé and Moulines 2009; Liang and Klein 2009) for the Gaussian family, reading rows in order.
/// The first batch initializes the parameters (the estimator's init method on that batch alone) and the running
/// statistics s (its statistics under those parameters); batch t + 1 (t = 0, 1, ...) then steps
/// s = (1 - eta_t) s + eta_t s_batch, eta_t = (t + 2)^-a, with statistics per unit of weight, and each step is
/// followed by the family's own M-step on s scaled to the weight seen so far (so counts, the empty-component test
/// and reg_covar mean what they mean in batch EM). All statistics are centred on one fixed point per component
/// (the initial means), so running sums of different batches add exactly as they are, without re-centring.
/// One thread, blocks of <see cref="ChunkPlan.BlockRows"/> rows in row order: the same bits for the same seed and order.
/// </summary>
internal static class OnlineGaussianEm
{
    public static GaussianMixtureModel Fit(GaussianMixture estimator, IRowSource rows, OnlineEmOptions online,
        IProgress<EmIteration>? progress, CancellationToken ct)
    {
        using var cancellation = FitCancellation.Enter(ct);
        var clock = Stopwatch.StartNew();
        var options = estimator.Options;
        var model = CovarianceModels.Get(options.CovarianceType);
        if (model.NeedsDataScatter)
            throw new ArgumentException(
                $"Online EM cannot fit the '{options.CovarianceType.ToString().ToLowerInvariant()}' covariance model: its M-step needs the scatter matrix of all the data, which one pass gives only at its end. Use full, diag or spherical.",
                nameof(options));
        long n = rows.Rows;
        int d = rows.Features, k = options.Components, batch = online.BatchSize;
        if (n < k) throw new ArgumentException($"The data has {n} rows, fewer than the {k} components.", nameof(rows));
        int seed = options.Seed ?? Random.Shared.Next();

        // The first batch: read once, it initializes the fit and is its first step (a stream is not read again).
        int n0 = (int)Math.Min(Math.Max(batch, k), n);
        var x0 = new double[n0, d];
        var w0 = rows.Weighted ? new double[n0] : null;
        using (var reader = rows.OpenReader())
            for (int first = 0; first < n0; first += ChunkPlan.SlabRows)
            {
                int count = Math.Min(ChunkPlan.SlabRows, n0 - first);
                var range = reader.Read(first, count);
                range.Values.CopyTo(MatrixSpan.Flat(x0).Slice(first * d));
                if (w0 is not null) range.Weights.CopyTo(w0.AsSpan(first));
            }
        var firstBatch = new ArrayRowSource(x0, w0);
        var initial = new GaussianMixture(options with { Seed = seed, NInit = 1, WarmStart = false }).InitialModel(firstBatch);
        var parameters = initial.Parameters;
        var spec = new GaussianFitSpec(options);
        var family = (GaussianFamily)spec.CreateFamily(firstBatch, w0?.Sum() ?? n0);

        var shift = (double[])parameters.Means.Clone();
        var batchStats = (GaussianStatistics)family.CreateStatistics();
        var total = new GaussianStatistics(batchStats.Moments, k, d, blocked: false);
        total.Begin(shift);
        var runR = new double[k];
        var runA = new double[k * d];
        var runQ = new double[total.Q.Length];

        var lp = new double[ChunkPlan.BlockRows * k];
        var lse = new double[ChunkPlan.BlockRows];
        double[] scratch = [];
        var worst = new double[d];
        var history = new List<double>();
        var degenerate = new List<Degeneracy>();
        int t = -1, reseeds = 0, maxReseeds = 10 * k + 10;
        double seen = 0, lastPassLogLik = 0, lastPassWeight = 0;

        for (int pass = 0; pass < online.Passes; pass++)
        {
            lastPassLogLik = lastPassWeight = 0;
            using var reader = ReadAheadReader.Open(rows, row => Math.Min(n, (row / batch + 1) * batch));
            for (long b0 = 0; b0 < n; b0 += batch)
            {
                long b1 = Math.Min(n, b0 + batch);
                var evaluator = family.CreateEvaluator(parameters);
                int need = Math.Max(evaluator.ScratchLength(ChunkPlan.BlockRows), batchStats.ScratchLength(ChunkPlan.BlockRows));
                if (scratch.Length < need) scratch = new double[need];
                batchStats.Begin(shift);
                double logLik = 0, weight = 0, worstLse = double.PositiveInfinity;
                for (long s0 = b0; s0 < b1; s0 += ChunkPlan.SlabRows)
                {
                    FitCancellation.ThrowIfRequested();
                    int slab = (int)Math.Min(ChunkPlan.SlabRows, b1 - s0);
                    var range = pass == 0 && s0 + slab <= n0 ? firstBatch.Read(s0, slab) : reader.Read(s0, slab);
                    RequireFinite(range.Values, s0, d);
                    for (int o = 0; o < slab; o += ChunkPlan.BlockRows)
                    {
                        int m = Math.Min(ChunkPlan.BlockRows, slab - o);
                        var block = range.Values.Slice(o * d, m * d);
                        var resp = lp.AsSpan(0, m * k);
                        evaluator.WeightedLogProb(block, m, resp, scratch);
                        LogSumExp.NormalizeRows(resp, m, k, lse);
                        for (int r = 0; r < m; r++)
                        {
                            double w = range.Weight(o + r);
                            if (w < 0 || !double.IsFinite(w))
                                throw new ArgumentException($"Row {s0 + o + r}: sample weight {w} is not a finite non-negative number.", nameof(rows));
                            if (w != 1.0)
                                for (int j = r * k; j < (r + 1) * k; j++) resp[j] *= w;
                            if (w <= 0) continue;
                            logLik += w * lse[r];
                            weight += w;
                            if (lse[r] < worstLse)
                            {
                                worstLse = lse[r];
                                block.Slice(r * d, d).CopyTo(worst);
                            }
                        }
                        batchStats.Accumulate(block, m, resp, scratch);
                    }
                }
                if (weight == 0) continue;   // only zero weights: nothing to learn from this batch
                if (pass == 0) seen += weight;
                lastPassLogLik += logLik;
                lastPassWeight += weight;
                history.Add(logLik / weight);
                progress?.Report(new EmIteration(0, history.Count, logLik / weight, history.Count > 1 ? logLik / weight - history[^2] : double.NaN));

                // s = (1 - eta) s + eta s_batch / weight; the first batch starts s.
                t++;
                double eta = t == 0 ? 1.0 : Math.Pow(t + 1, -online.StepExponent);
                Step(runR, batchStats.R, eta, weight);
                Step(runA, batchStats.A, eta, weight);
                Step(runQ, batchStats.Q, eta, weight);

                double rSum = 0;
                foreach (double v in runR) rSum += v;
                double scale = seen / rSum;
                for (int i = 0; i < k; i++) total.R[i] = runR[i] * scale;
                for (int i = 0; i < runA.Length; i++) total.A[i] = runA[i] * scale;
                for (int i = 0; i < runQ.Length; i++) total.Q[i] = runQ[i] * scale;
                degenerate.Clear();
                parameters = family.MStep(total, parameters, degenerate) ?? parameters;
                foreach (var bad in degenerate)
                {
                    if (bad.Abort || bad.Component < 0 || (bad.Fatal && options.Degenerate == DegenerateHandling.Throw))
                        throw new DegenerateFitException($"{bad.Reason} Try fewer components, a larger reg_covar, a larger batch size, or scaling the data.", bad.Component);
                    if (options.Degenerate == DegenerateHandling.Throw) continue;
                    if (++reseeds > maxReseeds)
                        throw new DegenerateFitException($"{bad.Reason} It kept degenerating after {maxReseeds} re-seeds.", bad.Component);
                    // Moved onto the batch's worst-explained row; its old statistics would pull it straight back.
                    parameters = family.Reseed(parameters, bad.Component, worst);
                    runR[bad.Component] = 0;
                    runA.AsSpan(bad.Component * d, d).Clear();
                    int q = runQ.Length / k;
                    runQ.AsSpan(bad.Component * q, q).Clear();
                }
            }
        }
        if (lastPassWeight == 0) throw new ArgumentException("Every sample weight is 0: there is nothing to fit.", nameof(rows));
        double score = lastPassLogLik / lastPassWeight;
        var info = new FitInfo(history[^1], [.. history], Converged: true, history.Count, reseeds,
            clock.Elapsed.TotalSeconds, score, checked((int)n), null, seed);
        return spec.CreateModel(parameters, info);
    }

    /// <summary>run = (1 - eta) run + eta batch / weight.</summary>
    static void Step(double[] run, double[] batch, double eta, double weight)
    {
        double b = eta / weight, a = 1 - eta;
        for (int i = 0; i < run.Length; i++) run[i] = a * run[i] + b * batch[i];
    }

    static void RequireFinite(ReadOnlySpan<double> values, long first, int d)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"Row {first + i / d}, column {i % d}: {values[i]} is not a finite number; remove or impute it.", "x");
    }
}
