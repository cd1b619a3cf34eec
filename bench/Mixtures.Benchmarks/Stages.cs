using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using Mixtures.Internal;
using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Kernels;

namespace Mixtures.Benchmarks;

/// <summary>
/// The three stages of one EM pass over a block of rows, through the family interfaces the EM loop
/// uses: E-step log-densities (IComponentEvaluator.WeightedLogProb), log-sum-exp into
/// responsibilities (LogSumExp.NormalizeRows per block), and the weighted sufficient statistics
/// (ISufficientStatistics.Accumulate). Single thread, <see cref="ChunkPlan.BlockRows"/> rows per call.
/// </summary>
public sealed class Stages
{
    readonly double[] _x;
    readonly int _n, _d, _k, _block;
    readonly IComponentEvaluator _evaluator;
    readonly ISufficientStatistics<GaussianParameters> _stats;
    readonly GaussianParameters _params;
    readonly double[] _lp, _resp, _evalScratch, _statScratch;

    public Stages(BenchCase c, int rows)
    {
        _n = Math.Min(rows, c.N);
        _d = c.D;
        _k = c.K;
        _block = ChunkPlan.BlockRows;
        _x = MatrixSpan.Flat(c.X)[..(_n * _d)].ToArray();
        var family = new GaussianFamily(CovarianceModels.Get(c.Covariance), c.K, new ArrayRowSource(c.X, null), c.N, 1e-6);
        var precisions = c.Covariance switch
        {
            CovarianceType.Full => c.Precisions.SelectMany(p => MatrixSpan.Flat(p).ToArray()).ToArray(),
            _ => MatrixSpan.ToFlat(c.Precisions[0]),
        };
        _params = GaussianParameters.TryCreateFromPrecisions(CovarianceModels.Get(c.Covariance), c.K, c.D, c.Weights, MatrixSpan.ToFlat(c.Means), precisions, [])
            ?? throw new InvalidOperationException("initial precisions are not positive definite");
        _evaluator = family.CreateEvaluator(_params);
        _stats = family.CreateStatistics();
        _lp = new double[_n * _k];
        _resp = new double[_n * _k];
        _evalScratch = new double[_evaluator.ScratchLength(_block)];
        _statScratch = new double[_stats.ScratchLength(_block)];
        EStep();
        LogSumExpStage();
    }

    public int Rows => _n;

    /// <summary>ln w_k + ln p_k(x) for every row and component.</summary>
    public void EStep()
    {
        for (int b = 0; b < _n; b += _block)
        {
            int m = Math.Min(_block, _n - b);
            _evaluator.WeightedLogProb(_x.AsSpan(b * _d, m * _d), m, _lp.AsSpan(b * _k, m * _k), _evalScratch);
        }
    }

    /// <summary>Responsibilities from the log-densities (copied first, so the stage can repeat).</summary>
    public double LogSumExpStage()
    {
        _lp.CopyTo(_resp, 0);
        double sum = 0;
        Span<double> lse = stackalloc double[ChunkPlan.BlockRows];
        for (int b = 0; b < _n; b += _block)
        {
            int m = Math.Min(_block, _n - b);
            LogSumExp.NormalizeRows(_resp.AsSpan(b * _k, m * _k), m, _k, lse);   // as the EM pass does: one call per block
            for (int r = 0; r < m; r++) sum += lse[r];
        }
        return sum;
    }

    /// <summary>N_k, sum r (x - s), sum r (x - s)(x - s)^T.</summary>
    public void Statistics()
    {
        _stats.Begin(_params);
        for (int b = 0; b < _n; b += _block)
        {
            int m = Math.Min(_block, _n - b);
            _stats.Accumulate(_x.AsSpan(b * _d, m * _d), m, _resp.AsSpan(b * _k, m * _k), _statScratch);
        }
    }

    /// <summary>Prints seconds per 1e6 rows and the share of each stage (best of a few runs each).</summary>
    public static void Profile(BenchCase c, int rows)
    {
        var s = new Stages(c, rows);
        double Best(Action a)
        {
            a();
            double best = double.PositiveInfinity, total = 0;
            for (int i = 0; i < 20 && total < 2.0; i++)
            {
                var sw = Stopwatch.StartNew();
                a();
                double t = sw.Elapsed.TotalSeconds;
                total += t;
                best = Math.Min(best, t);
            }
            return best;
        }
        double e = Best(s.EStep), l = Best(() => s.LogSumExpStage()), st = Best(s.Statistics);
        double sum = e + l + st, perM = 1e6 / s.Rows;
        double eFlops = (double)s.Rows * c.K * (c.Covariance is CovarianceType.Full or CovarianceType.Tied ? c.D * (c.D + 1.0) + 3.0 * c.D : 3.0 * c.D);
        double sFlops = (double)s.Rows * c.K * (c.Covariance == CovarianceType.Full ? c.D * (c.D + 1.0) + 3.0 * c.D : c.Covariance == CovarianceType.Tied ? 3.0 * c.D : 5.0 * c.D);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{c.Name} {BenchData.CovName(c.Covariance)} (N={c.N} D={c.D} K={c.K}), {s.Rows} rows, 1 thread; seconds per 1e6 rows:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  E-step log-densities {e * perM,9:F4} s  {100 * e / sum,5:F1}%  {eFlops / e / 1e9,6:F2} GFLOP/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  log-sum-exp          {l * perM,9:F4} s  {100 * l / sum,5:F1}%  {1e9 * l / ((double)s.Rows * c.K),6:F2} ns per (row, component)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  statistics (M-step)  {st * perM,9:F4} s  {100 * st / sum,5:F1}%  {sFlops / st / 1e9,6:F2} GFLOP/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  total                {sum * perM,9:F4} s  -> {sum * perM * c.N / 1e6,7:F4} s per iteration on 1 thread for N={c.N}"));
    }
}

/// <summary>BenchmarkDotNet view of <see cref="Stages"/>: 16384 rows of the shapes (synthetic data).</summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class KernelBenchmarks
{
    [Params("n1e6_d16:full", "n1e6_d16:diag", "n2e5_d64:full", "small:full")]
    public string Case { get; set; } = "n1e6_d16:full";

    Stages _s = null!;

    [GlobalSetup]
    public void Setup()
    {
        var parts = Case.Split(':');
        var (_, d, k, seed) = BenchData.Shapes[parts[0]];
        var cov = Enum.Parse<CovarianceType>(parts[1], true);
        _s = new Stages(BenchData.Synthesize(parts[0], 16384, d, k, seed, cov), 16384);
    }

    [Benchmark] public void EStepLogDensities() => _s.EStep();
    [Benchmark] public double LogSumExpResponsibilities() => _s.LogSumExpStage();
    [Benchmark] public void SufficientStatistics() => _s.Statistics();
}
