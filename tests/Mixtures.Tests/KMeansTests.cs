using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests;

public class KMeansTests
{
    [Fact]
    public void Fit_SeparatedBlobs_FindsTheCentresAndLabels()
    {
        var x = Synthetic.Blobs(900, 2, 3, 4);
        var m = new KMeans(new KMeansOptions { Clusters = 3, NInit = 3, Seed = 1 }).Fit(x);
        var centres = m.Centers;
        var found = Enumerable.Range(0, 3).Select(c => (X: centres[c, 0], Y: centres[c, 1])).OrderBy(p => p.X).ToArray();
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(10.0 * c, found[c].X, 0.25);
            Assert.Equal(-5.0 * c, found[c].Y, 0.25);
        }
        // Rows i, i+3, i+6, ... come from the same blob: one label each.
        var labels = m.Labels;
        for (int i = 3; i < 900; i++) Assert.Equal(labels[i - 3], labels[i]);
        Assert.Equal(labels, m.Predict(x));
    }

    [Fact]
    public void Inertia_IsTheSumOfSquaredDistancesToTheCentres()
    {
        var x = Synthetic.Blobs(300, 3, 2, 9);
        var m = new KMeans(new KMeansOptions { Clusters = 4, Seed = 2 }).Fit(x);
        var c = m.Centers;
        double inertia = 0;
        var labels = m.Labels;
        for (int i = 0; i < 300; i++)
            for (int j = 0; j < 3; j++) inertia += Math.Pow(x[i, j] - c[labels[i], j], 2);
        Assert.Equal(inertia, m.Inertia, 1e-9 * inertia);
    }

    [Fact]
    public void MoreRestarts_NeverIncreaseInertia()
    {
        var x = Synthetic.Blobs(400, 2, 5, 3);
        double one = new KMeans(new KMeansOptions { Clusters = 5, NInit = 1, Seed = 7 }).Fit(x).Inertia;
        double many = new KMeans(new KMeansOptions { Clusters = 5, NInit = 6, Seed = 7 }).Fit(x).Inertia;
        Assert.True(many <= one);
    }

    [Fact]
    public void Fit_SameSeed_IsIdenticalOnOneAndAllThreads()
    {
        var x = Synthetic.Blobs(20_000, 3, 6, 5);
        var a = new KMeans(new KMeansOptions { Clusters = 6, Seed = 3, MaxDegreeOfParallelism = 1 }).Fit(x);
        var b = new KMeans(new KMeansOptions { Clusters = 6, Seed = 3 }).Fit(x);
        Assert.Equal(a.Centers, b.Centers);
        Assert.Equal(a.Inertia, b.Inertia);
    }

    [Fact]
    public void Fit_TooFewSamples_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new KMeans(new KMeansOptions { Clusters = 5 }).Fit(new double[3, 1]));
        Assert.Contains("at least as many samples (3) as clusters (5)", ex.Message);
    }
}
