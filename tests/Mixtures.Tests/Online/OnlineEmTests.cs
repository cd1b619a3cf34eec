using Mixtures.Data;
using Mixtures.Serialization;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Online;

/// <summary>
/// Stepwise EM (<see cref="GaussianMixture.FitOnline"/>): the same bits for the same seed and row order, from
/// an array or a streamed source; close to batch EM's log-likelihood on well separated clusters; bad options refused.
/// </summary>
public class OnlineEmTests
{
    static string Json(MixtureModel m) => string.Join('\n', MixtureModelJson.ToJson(m).Split('\n').Where(l => !l.Contains("fit_seconds")));

    static GaussianMixture Estimator(CovarianceType cov = CovarianceType.Full, int seed = 3) =>
        new(new GaussianMixtureOptions { Components = 3, CovarianceType = cov, Seed = seed });

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Diag)]
    [InlineData(CovarianceType.Spherical)]
    public void SameSeedAndOrder_SameModel_FromAnArrayOrAStream(CovarianceType cov)
    {
        var x = Synthetic.Blobs(12_000, 3, 3, seed: 11);
        var online = new OnlineEmOptions { BatchSize = 1000, Passes = 2 };
        var a = Estimator(cov).FitOnline(new ArrayRowSource(x), online);
        var b = Estimator(cov).FitOnline(new CopyingSource(x, null), online);
        Assert.Equal(Json(a), Json(b));
        Assert.Equal(24, a.Iterations);   // one M-step per batch: 12 batches, 2 passes
        Assert.Equal(24, a.LowerBoundHistory.Length);
        var c = Estimator(cov, seed: 4).FitOnline(new ArrayRowSource(x), online);
        Assert.NotEqual(Json(a), Json(c));   // the seed matters (the initialization of the first batch)
    }

    [Fact]
    public void OnePass_ComesCloseToBatchEm()
    {
        var x = Synthetic.Blobs(40_000, 2, 3, seed: 5);
        var batch = new GaussianMixture(new GaussianMixtureOptions { Components = 3, Seed = 1 }).Fit(x);
        var online = Estimator(seed: 1).FitOnline(new ArrayRowSource(x), new OnlineEmOptions { BatchSize = 2000 });
        double gap = batch.Score(x) - online.Score(x);
        Assert.True(gap >= -1e-9 || Math.Abs(gap) < 1e-3, $"online above batch EM by {-gap}");   // EM's optimum, or the same one within noise
        Assert.True(Math.Abs(gap) < 5e-3, $"mean log-likelihood gap {gap}");
        // The same clusters: every batch mean has an online mean near it.
        for (int c = 0; c < 3; c++)
        {
            double best = double.MaxValue;
            for (int o = 0; o < 3; o++)
                best = Math.Min(best, Math.Sqrt(Math.Pow(batch.Means[c, 0] - online.Means[o, 0], 2) + Math.Pow(batch.Means[c, 1] - online.Means[o, 1], 2)));
            Assert.True(best < 0.05, $"component {c}: nearest online mean {best} away");
        }
    }

    [Fact]
    public void Weights_CountAsRepeatedRows()
    {
        var x = Synthetic.Blobs(3000, 2, 2, seed: 8);
        var w = Enumerable.Range(0, 3000).Select(i => (double)(1 + i % 2)).ToArray();
        var m = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 2 }).FitOnline(new ArrayRowSource(x, w), new OnlineEmOptions { BatchSize = 500 });
        Assert.Equal(1.0, m.Weights.Sum(), 12);
        Assert.True(double.IsFinite(m.TrainingScore));
    }

    [Theory]
    [InlineData(0, 1, 0.6, "BatchSize")]
    [InlineData(10, 0, 0.6, "Passes")]
    [InlineData(10, 1, 0.5, "StepExponent")]
    [InlineData(10, 1, 1.01, "StepExponent")]
    [InlineData(10, 1, double.NaN, "StepExponent")]
    public void BadOptions_AreRefusedNamingThem(int batchSize, int passes, double a, string name)
    {
        var x = Synthetic.Blobs(100, 2, 2, seed: 1);
        var e = Assert.ThrowsAny<ArgumentException>(() => Estimator().FitOnline(new ArrayRowSource(x),
            new OnlineEmOptions { BatchSize = batchSize, Passes = passes, StepExponent = a }));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Tied_AndTooFewRows_AndNaN_AreRefused()
    {
        var x = Synthetic.Blobs(2000, 2, 2, seed: 1);
        var tied = Assert.ThrowsAny<ArgumentException>(() => Estimator(CovarianceType.Tied).FitOnline(new ArrayRowSource(x)));
        Assert.Contains("tied", tied.Message);
        Assert.ThrowsAny<ArgumentException>(() => Estimator().FitOnline(new ArrayRowSource(new double[2, 2])));
        x[1500, 1] = double.NaN;
        var nan = Assert.ThrowsAny<ArgumentException>(() => Estimator().FitOnline(new ArrayRowSource(x), new OnlineEmOptions { BatchSize = 500 }));
        Assert.StartsWith("Row 1500, column 1: NaN is not a finite number", nan.Message);
    }
}
