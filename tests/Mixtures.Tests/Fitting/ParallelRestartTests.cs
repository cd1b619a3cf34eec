using System.Text.RegularExpressions;
using Mixtures.Serialization;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Fitting;

/// <summary>Restarts of small fits run in parallel and give what the restarts one after another give, bit for bit.</summary>
public class ParallelRestartTests
{
    /// <summary>The model file without its timing.</summary>
    static string Json(IMixtureModel m) => Regex.Replace(MixtureModelJson.ToJson(m), "\"fit_seconds\":\\s*[^,}]+", "");

    [Theory]
    [InlineData(CovarianceType.Full, InitMethod.KMeans)]
    [InlineData(CovarianceType.Diag, InitMethod.Random)]
    [InlineData(CovarianceType.Tied, InitMethod.KMeansPlusPlus)]
    public void GaussianRestarts_InParallel_EqualSequential(CovarianceType type, InitMethod init)
    {
        var x = Synthetic.Blobs(3000, 3, 4, 17);
        GaussianMixtureOptions Options(int? threads) => new()
        {
            Components = 4, CovarianceType = type, NInit = 5, Seed = 3, Init = init, MaxIterations = 30, MaxDegreeOfParallelism = threads,
        };
        var sequential = new GaussianMixture(Options(1)).Fit(x);   // one thread: the restarts one after another
        var parallel = new GaussianMixture(Options(null)).Fit(x);
        var four = new GaussianMixture(Options(4)).Fit(x);
        Assert.Equal(Json(sequential), Json(parallel));
        Assert.Equal(Json(sequential), Json(four));
    }

    [Fact]
    public void BernoulliRestarts_InParallel_EqualSequential()
    {
        var rng = new Random(5);
        var x = new double[2000, 6];
        for (int i = 0; i < 2000; i++)
            for (int j = 0; j < 6; j++) x[i, j] = rng.NextDouble() < (i % 2 == 0 ? 0.8 : 0.2) ? 1 : 0;
        BernoulliMixtureOptions Options(int? threads) => new() { Components = 3, NInit = 4, Seed = 9, MaxIterations = 20, MaxDegreeOfParallelism = threads };
        Assert.Equal(Json(new BernoulliMixture(Options(1)).Fit(x)), Json(new BernoulliMixture(Options(null)).Fit(x)));
    }
}
