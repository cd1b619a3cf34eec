using Mixtures.Cli.Commands;
using Mixtures.Cli.Plotting;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>A few internals tested directly: argument parsing and ScottPlot's contour lines.</summary>
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

    /// <summary>What --contours relies on in ScottPlot's ContourLines (instead of our own marching squares): a level of a cone on a grid is one circle.</summary>
    [Fact]
    public void ContourLines_OfACone_IsACircleAtTheLevel()
    {
        int n = 101;
        var xs = Enumerable.Range(0, n).Select(i => -2 + 4.0 * i / (n - 1)).ToArray();
        var grid = new ScottPlot.Coordinates3d[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                grid[i, j] = new ScottPlot.Coordinates3d(xs[j], xs[i], -Math.Sqrt(xs[i] * xs[i] + xs[j] * xs[j]));
        var contours = new ScottPlot.Plot().Add.ContourLines(grid);
        contours.ContourLineLevels = [-1];
        contours.Update(grid);
        var points = contours.Lines.SelectMany(l => l.Path.Points).ToList();
        Assert.True(points.Count > 50, $"{points.Count} points");
        Assert.All(points, p => Assert.InRange(Math.Sqrt(p.X * p.X + p.Y * p.Y), 0.99, 1.01));
        // All the way round: every quadrant is reached.
        Assert.Equal(4, points.Select(p => (p.X > 0, p.Y > 0)).Distinct().Count());
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
