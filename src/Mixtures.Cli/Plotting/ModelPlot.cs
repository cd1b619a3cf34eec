using System.Globalization;
using Mixtures.Cli.Io;
using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>Draws a mixture over its data: 1-D histogram and densities, or the 2-D picture of a pair of features.</summary>
internal static class ModelPlot
{
    /// <summary>One frame for a series of pictures: the 2-D axis limits, or the 1-D picture's x range and density ceiling.</summary>
    public sealed record SeriesFrame(AxisLimits? Limits, DensityPlot1D.Frame? Density);

    /// <param name="view">The mixture over all features of <paramref name="data"/>.</param>
    /// <param name="data">The data drawn.</param>
    /// <param name="title">Title of the picture.</param>
    /// <param name="labels">Component of each row (colours of the points).</param>
    /// <param name="x">Feature on the horizontal axis (D &gt;= 2).</param>
    /// <param name="y">Feature on the vertical axis (D &gt;= 2).</param>
    /// <param name="options">What a 2-D picture adds (contours, uncertainty, fixed limits).</param>
    /// <param name="frame1D">Fixed axes of a 1-D picture (for a series).</param>
    public static Plot Create(MixtureView view, DataSet data, int[] labels, int x, int y, string title, ClusterPlot.Options? options = null,
        DensityPlot1D.Frame? frame1D = null)
    {
        if (data.Columns == 1)
            return DensityPlot1D.Create(view, data.Column(0), data.FeatureNames[0], title, frame1D, options?.Notes);
        var marginal = data.Columns == 2 && x == 0 && y == 1 ? view : view.Marginal(x, y);
        options ??= new ClusterPlot.Options();
        if (data.Columns > 2)
        {
            // Said in the picture: what the ellipses are, and where the colours come from.
            string d = data.Columns.ToString(CultureInfo.InvariantCulture);
            options = options with { Notes = [$"ellipses: marginals on these 2 of {d} features", $"colours: assignment on all {d} features", .. options.Notes ?? []] };
        }
        return ClusterPlot.Create(marginal, data.Column(x), data.Column(y), labels, data.FeatureNames[x], data.FeatureNames[y], title, options);
    }

    /// <summary>The frame every picture of a series shares: the data and every model's ellipses or densities.</summary>
    public static SeriesFrame Frame(IReadOnlyList<MixtureView> views, DataSet data, int x, int y) => data.Columns == 1
        ? new SeriesFrame(null, DensityPlot1D.SharedFrame(views, data.Column(0)))
        : new SeriesFrame(ClusterPlot.Limits(views.Select(v => v.Marginal(x, y)), data.Column(x), data.Column(y)), null);

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
