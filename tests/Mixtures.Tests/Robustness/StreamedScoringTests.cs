using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Robustness;

/// <summary>MixtureModel.Evaluate over a streamed source gives PredictProba and ScoreSamples bit for bit, in row order, across windows.</summary>
public class StreamedScoringTests
{
    [Fact]
    public void Evaluate_AcrossWindows_EqualsTheArrayScores_AndNumbersBadRowsInTheWholeSource()
    {
        const int n = (1 << 16) + 5000, d = 3;
        var rng = new Random(3);
        var x = new double[n, d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) x[i, j] = rng.NextDouble() * 10 + (i % 3) * 5;
        var model = new GaussianMixture(new GaussianMixtureOptions { Components = 3, MaxIterations = 5, Seed = 1 }).Fit(x);
        var proba = model.PredictProba(x);
        var scores = model.ScoreSamples(x);
        long next = 0;
        model.Evaluate(new CopyingSource(x, null), (first, count, resp, ll) =>
        {
            Assert.Equal(next, first);
            for (int r = 0; r < count; r++)
            {
                Assert.Equal(scores[first + r], ll[r]);
                for (int c = 0; c < 3; c++) Assert.Equal(proba[first + r, c], resp[r * 3 + c]);
            }
            next += count;
        });
        Assert.Equal(n, next);

        x[n - 10, 1] = double.NaN;
        var e = Assert.ThrowsAny<ArgumentException>(() => model.Evaluate(new CopyingSource(x, null), (_, _, _, _) => { }));
        Assert.Contains((n - 10).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }
}
