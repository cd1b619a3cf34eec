using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Robustness;

/// <summary>A fitted model is immutable and can be used from many threads at once.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task PredictAndScoreSamples_FromManyThreads_MatchSequentialResults()
    {
        var x = Synthetic.Blobs(5000, 4, 3, 2);
        var model = new GaussianMixture(new GaussianMixtureOptions { Components = 3, Seed = 1 }).Fit(x);
        var labels = model.Predict(x);
        var scores = model.ScoreSamples(x);
        var tasks = Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            for (int r = 0; r < 5; r++)
            {
                Assert.Equal(labels, model.Predict(x));
                Assert.Equal(scores, model.ScoreSamples(x));
                model.Weights[0] = -1;   // a copy: must not change the model
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        Assert.True(model.Weights.All(w => w > 0));
        Assert.Equal(scores, model.ScoreSamples(x));
    }
}
