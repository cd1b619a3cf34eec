using System.Text.RegularExpressions;
using Mixtures.Data;
using Mixtures.Serialization;

namespace Mixtures.Distributed.Tests;

/// <summary>
/// The headline property: a fit whose passes run on three silos is bit-identical to the same fit in this
/// process, for every family and every registered covariance model, because the workers run the same pass
/// over their chunks and the coordinator merges chunk statistics in chunk order.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class BitIdenticalFitTests(ClusterFixture fixture)
{
    /// <summary>The model file without its timing (fit_seconds is the only field that may differ).</summary>
    static string Canonical(IMixtureModel model) => FitSeconds().Replace(MixtureModelJson.ToJson(model), "\"fit_seconds\": 0");

    [GeneratedRegex("\"fit_seconds\":\\s*[-+0-9.eE]+")]
    private static partial Regex FitSeconds();

    /// <summary>Three well separated blobs in D = 3, with a little skew, N rows (N / 2048 chunks, at most 16).</summary>
    static double[,] Blobs(int n, int d, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n, d];
        for (int i = 0; i < n; i++)
        {
            int c = i % 3;
            for (int j = 0; j < d; j++)
            {
                double u = rng.NextDouble(), v = rng.NextDouble();
                double z = Math.Sqrt(-2 * Math.Log(1 - u)) * Math.Cos(2 * Math.PI * v);
                x[i, j] = 4 * c + (j + 1) * 0.5 * z + (j > 0 ? 0.3 * x[i, j - 1] : 0);
            }
        }
        return x;
    }

    void AssertSame<TModel>(string name, IRowSource rows, Func<IRowSource, TModel> fit) where TModel : IMixtureModel
    {
        var local = fit(rows);
        var data = ClusterFixture.Register(name, rows);
        var passes = new List<ClusterPass>();
        var remote = fixture.Mixtures.Fit(data, () => fit(rows), new SyncProgress<ClusterPass>(passes.Add));
        Assert.Equal(Canonical(local), Canonical(remote.Model));
        Assert.True(remote.Report.Passes >= local.Iterations);
        Assert.Equal(remote.Report.Passes, passes.Count);
        Assert.Equal(0, remote.Report.Retries);
        Assert.True(remote.Report.Chunks >= 1);
        Assert.True(remote.Report.Nodes == Math.Min(3, remote.Report.Chunks), $"{remote.Report.Nodes} nodes for {remote.Report.Chunks} chunks");
    }

    static CovarianceType Parse(string name) => CovarianceTypes.TryParse(name, out var t) ? t : throw new ArgumentException(name);

    public static TheoryData<string> CovarianceNames() => new(CovarianceTypes.Names);

    [Theory]
    [MemberData(nameof(CovarianceNames))]
    public void Gaussian_every_covariance_model(string type)
    {
        // E and V are mclust's univariate models.
        var rows = new ArrayRowSource(Blobs(12_000, type is "E" or "V" ? 1 : 3, 1), null);
        AssertSame($"blobs-{type}", rows, r => new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 3, CovarianceType = Parse(type), MaxIterations = 8, Tolerance = 0, Seed = 7,
        }).Fit(r));
    }

    [Fact]
    public void Gaussian_weighted_with_restarts()
    {
        var x = Blobs(9_000, 4, 2);
        var w = Enumerable.Range(0, 9_000).Select(i => 0.5 + i % 7 * 0.25).ToArray();
        var rows = new ArrayRowSource(x, w);
        AssertSame("weighted", rows, r => new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 4, CovarianceType = CovarianceType.Full, MaxIterations = 6, NInit = 2, Seed = 3,
        }).Fit(r));
    }

    [Theory]
    [InlineData("full")]
    [InlineData("tied")]
    [InlineData("diag")]
    [InlineData("spherical")]
    public void Variational(string type)
    {
        var rows = new ArrayRowSource(Blobs(10_000, 3, 4), null);
        AssertSame($"bayes-{type}", rows, r => new BayesianGaussianMixture(new BayesianGaussianMixtureOptions
        {
            Components = 5, CovarianceType = Parse(type), MaxIterations = 8, Seed = 5,
        }).Fit(r));
    }

    [Fact]
    public void Bernoulli_binarized()
    {
        var x = Blobs(8_000, 6, 6);
        var rows = new ArrayRowSource(x, null);
        AssertSame("bernoulli", rows, r => new BernoulliMixture(new BernoulliMixtureOptions
        {
            Components = 3, BinarizeThreshold = 4.0, MaxIterations = 10, Seed = 2,
        }).Fit(r));
    }

    [Fact]
    public void Poisson()
    {
        var blobs = Blobs(8_000, 4, 8);
        var x = new double[8_000, 4];
        for (int i = 0; i < 8_000; i++)
            for (int j = 0; j < 4; j++) x[i, j] = Math.Floor(Math.Abs(blobs[i, j]));
        AssertSame("poisson", new ArrayRowSource(x, null), r => new PoissonMixture(new PoissonMixtureOptions
        {
            Components = 3, MaxIterations = 10, Seed = 4,
        }).Fit(r));
    }

    /// <summary>Progress on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value)
        {
            lock (this) report(value);
        }
    }
}
