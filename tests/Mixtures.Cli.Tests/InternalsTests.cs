using Mixtures.Cli.Commands;
using Mixtures.Cli.Plotting;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>A few internals tested directly: argument parsing and contour geometry.</summary>
public class InternalsTests
{
    [Theory]
    [InlineData("1..4", new[] { 1, 2, 3, 4 })]
    [InlineData("2,4,8", new[] { 2, 4, 8 })]
    [InlineData("3", new[] { 3 })]
    [InlineData("1..3,6, 2", new[] { 1, 2, 3, 6 })]
    public void KRange_ParsesRangesAndLists(string text, int[] expected) => Assert.Equal(expected, KRange.Parse(text));

    [Theory]
    [InlineData("0..3")]
    [InlineData("5..2")]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("1...3")]
    public void KRange_RejectsNonsense(string text) => Assert.Throws<CliException>(() => KRange.Parse(text));

    [Fact]
    public void MarchingSquares_ContourOfConeIsClosedCircle()
    {
        int n = 101;
        var xs = Enumerable.Range(0, n).Select(i => -2 + 4.0 * i / (n - 1)).ToArray();
        var z = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                z[i, j] = -Math.Sqrt(xs[i] * xs[i] + xs[j] * xs[j]);
        var lines = MarchingSquares.Contour(z, xs, xs, -1);
        var (lx, ly) = Assert.Single(lines);
        Assert.Equal(lx[0], lx[^1]);
        Assert.Equal(ly[0], ly[^1]);
        Assert.All(lx.Zip(ly), p => Assert.InRange(Math.Sqrt(p.First * p.First + p.Second * p.Second), 0.99, 1.01));
    }

    [Fact]
    public void Eigen2_FindsAxesOfRotatedEllipse()
    {
        var (major, minor, angle) = SmallMatrix.Eigen2(2.5, 1.5, 2.5);
        Assert.Equal(4, major, 12);
        Assert.Equal(1, minor, 12);
        Assert.Equal(Math.PI / 4, angle, 12);
    }
}
