using Mixtures.Cli.Io;
using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>Draws a mixture over its data: 1-D histogram and densities, or the 2-D picture of a pair of features.</summary>
internal static class ModelPlot
{
    /// <param name="view">The mixture over all features of <paramref name="data"/>.</param>
    /// <param name="data">The data drawn.</param>
    /// <param name="title">Title of the picture.</param>
    /// <param name="labels">Component of each row (colours of the points).</param>
    /// <param name="x">Feature on the horizontal axis (D &gt;= 2).</param>
    /// <param name="y">Feature on the vertical axis (D &gt;= 2).</param>
    /// <param name="limits">Fixed axis limits of a 2-D picture (for a series); default: fitted to data and ellipses.</param>
    public static Plot Create(MixtureView view, DataSet data, int[] labels, int x, int y, string title, AxisLimits? limits = null)
    {
        if (data.Columns == 1)
            return DensityPlot1D.Create(view, data.Column(0), data.FeatureNames[0], title);
        var marginal = data.Columns == 2 && x == 0 && y == 1 ? view : view.Marginal(x, y);
        if (data.Columns > 2) title += $" (marginal on {data.FeatureNames[x]}, {data.FeatureNames[y]})";
        return ClusterPlot.Create(marginal, data.Column(x), data.Column(y), labels, data.FeatureNames[x], data.FeatureNames[y], title, limits);
    }

    /// <summary>Resolves --x/--y (names or indices) to feature indices; defaults to the first two features.</summary>
    public static (int X, int Y) Axes(DataSet data, string? x, string? y)
    {
        if (data.Columns == 1) return (0, 0);
        int ix = x is null ? 0 : data.IndexOf(x);
        int iy = y is null ? (ix == 0 ? 1 : 0) : data.IndexOf(y);
        if (ix == iy) throw new CliException($"--x and --y both name column '{data.FeatureNames[ix]}'; pick two different columns.");
        return (ix, iy);
    }
}
