using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Robustness;

/// <summary>Sample(n, seed, sink) hands over exactly the points and components of Sample(n, seed), in row order, in windows of 65536 rows.</summary>
public class SampleWindowsTests
{
    [Fact]
    public void WindowedDraws_EqualTheArrayDraw_ForEveryFamily()
    {
        var x = Synthetic.Blobs(600, 3, 2, seed: 4);
        var counts = Synthetic.Map(x, v => Math.Max(0, Math.Round(v + 5)));
        var binary = Synthetic.Map(x, v => v > 0 ? 1 : 0);
        MixtureModel[] models =
        [
            new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 1 }).Fit(x),
            new PoissonMixture(new PoissonMixtureOptions { Components = 2, Seed = 1 }).Fit(counts),
            new BernoulliMixture(new BernoulliMixtureOptions { Components = 2, Seed = 1 }).Fit(binary),
        ];
        const int n = 70_000;
        foreach (var m in models)
        {
            var whole = m.Sample(n, seed: 9);
            var points = new List<double>();
            var components = new List<int>();
            var windows = new List<(long First, int Count)>();
            m.Sample(n, 9, (first, p, c) =>
            {
                windows.Add((first, c.Length));
                points.AddRange(p.ToArray());
                components.AddRange(c.ToArray());
            });
            Assert.Equal([(0L, 65536), (65536L, n - 65536)], windows);
            Assert.Equal(whole.Points.Cast<double>(), points);
            Assert.Equal(whole.Components, components);
        }
    }
}
