using Mixtures.Internal;
using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Kernels;

/// <summary>
/// The EM loop reads rows only through <see cref="IRowSource"/>: a source that copies every range into its
/// own buffer (as a file-backed one would) gives a bit-identical fit to the in-memory array.
/// </summary>
public class RowSourceTests
{
    [Theory]
    [InlineData(CovarianceType.Full, false)]
    [InlineData(CovarianceType.Tied, true)]
    [InlineData(CovarianceType.Diag, true)]
    [InlineData(CovarianceType.Spherical, false)]
    public void CopyingSource_FitsBitIdenticallyToTheArray(CovarianceType type, bool weighted)
    {
        var x = Synthetic.Blobs(40000, 5, 4, seed: 11);   // 16 chunks of 2500 rows, each read in slabs
        int n = x.GetLength(0);
        double[]? w = weighted ? Enumerable.Range(0, n).Select(i => 0.5 + i % 3).ToArray() : null;
        double total = w?.Sum() ?? n;
        var model = CovarianceModels.Get(type);
        var start = new GaussianMixture(new GaussianMixtureOptions { Components = 4, CovarianceType = type, Seed = 5 }).InitialModel(x, w).Parameters;
        var settings = new EmSettings(12, 0, DegenerateHandling.Reseed);

        EmResult<GaussianParameters> Run(IRowSource source, int threads)
        {
            var family = new GaussianFamily(model, 4, source, total, 1e-6);
            using var em = new ExpectationMaximization<GaussianParameters>(family, source, total, threads);
            return em.Run(start, settings, 0, null, CancellationToken.None);
        }

        var reference = Run(new ArrayRowSource(x, w), 1);
        var copying = new CopyingSource(x, w);
        var streamed = Run(copying, 2);
        Assert.True(copying.Reads > 16);
        Assert.True(copying.MaxRange <= ChunkPlan.SlabRows);
        Assert.Equal(reference.History, streamed.History);
        Assert.Equal(reference.Parameters.Weights, streamed.Parameters.Weights);
        Assert.Equal(reference.Parameters.Means, streamed.Parameters.Means);
        Assert.Equal(reference.Parameters.Covariances, streamed.Parameters.Covariances);
        Assert.Equal(MixtureScoring.Score(new GaussianEvaluator(reference.Parameters), new ArrayRowSource(x, null)),
            MixtureScoring.Score(new GaussianEvaluator(streamed.Parameters), new CopyingSource(x, null)));
    }
}
