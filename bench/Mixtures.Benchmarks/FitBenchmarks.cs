using BenchmarkDotNet.Attributes;

namespace Mixtures.Benchmarks;

/// <summary>
/// A whole EM fit (GaussianMixture.Fit) from explicit initial parameters, tol = 0, a fixed number of
/// iterations: small (N = 1e4, D = 2, K = 4) and medium (N = 1e5, D = 8, K = 8) synthetic data, every
/// covariance type, on one thread and on all cores.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class FitBenchmarks
{
    public const int Iterations = 10;

    [Params("small", "medium")]
    public string Data { get; set; } = "small";

    [Params(CovarianceType.Full, CovarianceType.Diag, CovarianceType.Tied, CovarianceType.Spherical)]
    public CovarianceType Covariance { get; set; }

    /// <summary>Worker threads; 0 means all cores.</summary>
    [Params(0, 1)]
    public int Threads { get; set; }

    GaussianMixtureOptions _options = new();
    double[,] _x = new double[1, 1];

    [GlobalSetup]
    public void Setup()
    {
        var c = BenchData.Load(Environment.GetEnvironmentVariable("MIXTURES_BENCH_DATA"), Data, Covariance);
        _x = c.X;
        _options = c.Options(Iterations, Threads == 0 ? null : Threads);
    }

    [Benchmark(Description = "Fit, 10 EM iterations")]
    public double Fit() => new GaussianMixture(_options).Fit(_x).LowerBound;
}
