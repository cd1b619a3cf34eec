using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Kernels;

namespace Mixtures.Internal;

/// <summary>Predict / PredictProba / ScoreSamples for any family, in parallel over fixed chunks.</summary>
internal static class MixtureScoring
{
    /// <summary>
    /// Runs the E-step over all rows and hands each block's normalized responsibilities and
    /// log-likelihoods to <paramref name="sink"/>(firstRow, count, resp, logLik).
    /// </summary>
    public static void Evaluate(IComponentEvaluator evaluator, double[,] x, SpanSink sink) =>
        Evaluate(evaluator, new ArrayRowSource(x, null), sink);

    /// <summary>Per-row responsibilities and log-likelihoods of every row of <paramref name="source"/>, chunk by chunk on all cores.</summary>
    public static void Evaluate(IComponentEvaluator evaluator, IRowSource source, SpanSink sink)
    {
        int k = evaluator.Components, d = source.Features;
        var plan = new ChunkPlan(source.Rows);
        plan.ForEach(null, c =>
        {
            var (start, len) = plan[c];
            var lp = new double[ChunkPlan.BlockRows * k];
            var ll = new double[ChunkPlan.BlockRows];
            var scratch = new double[evaluator.ScratchLength(ChunkPlan.BlockRows)];
            using var reader = ReadAheadReader.Open(source, _ => start + len);
            for (int s0 = start; s0 < start + len; s0 += ChunkPlan.SlabRows)
            {
                int slab = Math.Min(ChunkPlan.SlabRows, start + len - s0);
                var values = reader.Read(s0, slab).Values;
                for (int o = 0; o < slab; o += ChunkPlan.BlockRows)
                {
                    int m = Math.Min(ChunkPlan.BlockRows, slab - o);
                    evaluator.WeightedLogProb(values.Slice(o * d, m * d), m, lp, scratch);
                    LogSumExp.NormalizeRows(lp, m, k, ll);   // the same operations per row as Normalize: bit-identical
                    sink(s0 + o, m, lp.AsSpan(0, m * k), ll.AsSpan(0, m));
                }
            }
        });
    }

    public delegate void SpanSink(int firstRow, int count, ReadOnlySpan<double> resp, ReadOnlySpan<double> logLik);

    public static int[] Predict(IComponentEvaluator e, double[,] x)
    {
        int k = e.Components;
        var labels = new int[x.GetLength(0)];
        Evaluate(e, x, (first, count, resp, _) =>
        {
            for (int r = 0; r < count; r++)
            {
                int best = 0;
                for (int c = 1; c < k; c++)
                    if (resp[r * k + c] > resp[r * k + best]) best = c;
                labels[first + r] = best;
            }
        });
        return labels;
    }

    public static double[,] PredictProba(IComponentEvaluator e, double[,] x)
    {
        int k = e.Components;
        var proba = new double[x.GetLength(0), k];
        Evaluate(e, x, (first, count, resp, _) => resp.CopyTo(MatrixSpan.Flat(proba).Slice(first * k, count * k)));
        return proba;
    }

    public static double[] ScoreSamples(IComponentEvaluator e, double[,] x)
    {
        var scores = new double[x.GetLength(0)];
        Evaluate(e, x, (first, count, _, ll) => ll.CopyTo(scores.AsSpan(first, count)));
        return scores;
    }

    /// <summary>
    /// Mean of the per-row log-likelihoods: summed in row order within each chunk of the fixed
    /// <see cref="ChunkPlan"/>, then the chunk sums in chunk order (deterministic on any thread count,
    /// the same grouping as the EM lower bound), without an N-long array.
    /// </summary>
    public static double Score(IComponentEvaluator e, double[,] x) => Score(e, new ArrayRowSource(x, null));

    /// <summary>Mean log-likelihood per row (unweighted), summed per chunk in chunk order: the same on any thread count.</summary>
    public static double Score(IComponentEvaluator e, IRowSource source) => Totals(e, source).LogLik / source.Rows;

    /// <summary>
    /// Over all rows, unweighted: the total log-likelihood and sum_i ln max_k z_ik (the classification term
    /// of ICL), each summed in row order per chunk and then in chunk order, as <see cref="Score(IComponentEvaluator, IRowSource)"/>.
    /// </summary>
    public static (double LogLik, double ClassLogLik) Totals(IComponentEvaluator e, IRowSource source)
    {
        int k = e.Components;
        var plan = new ChunkPlan(source.Rows);
        var chunkSum = new double[plan.Count];
        var chunkClass = new double[plan.Count];
        Evaluate(e, source, (first, count, resp, ll) =>
        {
            int c = plan.ChunkOf(first);
            double s = chunkSum[c], z = chunkClass[c];
            for (int r = 0; r < ll.Length; r++)
            {
                s += ll[r];
                z += Math.Log(Max(resp.Slice(r * k, k)));
            }
            chunkSum[c] = s;
            chunkClass[c] = z;
        });
        double sum = 0, cls = 0;
        for (int c = 0; c < plan.Count; c++)
        {
            sum += chunkSum[c];
            cls += chunkClass[c];
        }
        return (sum, cls);
    }

    /// <summary>1 - max_k z_ik per row (mclust's uncertainty).</summary>
    public static double[] Uncertainty(IComponentEvaluator e, double[,] x)
    {
        int k = e.Components;
        var u = new double[x.GetLength(0)];
        Evaluate(e, x, (first, count, resp, _) =>
        {
            for (int r = 0; r < count; r++) u[first + r] = 1 - Max(resp.Slice(r * k, k));
        });
        return u;
    }

    static double Max(ReadOnlySpan<double> v)
    {
        double m = v[0];
        for (int i = 1; i < v.Length; i++) m = Math.Max(m, v[i]);
        return m;
    }

    /// <summary>scikit-learn's sign (lower is better): BIC - 2 sum_i ln z_{i, c_i}.</summary>
    public static double Icl(double bic, double classLogLik) => bic - 2 * classLogLik;

    public static double Bic(double score, int n, int parameters) => -2 * score * n + parameters * Math.Log(n);

    public static double Aic(double score, int n, int parameters) => -2 * score * n + 2.0 * parameters;
}
