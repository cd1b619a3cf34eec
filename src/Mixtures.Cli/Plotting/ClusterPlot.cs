using System.Globalization;
using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// The classic GMM picture in two dimensions: points coloured by component, the 1/2/3-sigma ellipses and the
/// means, optionally density contours; the legend in a panel right of the axes. The axis limits hold the data
/// and every 3-sigma ellipse (<see cref="Limits"/>), and what the picture will show is computed first
/// (<see cref="Layout"/>) so that tests check it without reading pixels.
/// </summary>
internal static class ClusterPlot
{
    private const int Grid = 140;

    /// <summary>How each sigma level is drawn: clearly apart in width and pattern, in the legend too.</summary>
    private static readonly (LinePattern Pattern, float Width)[] SigmaStyle =
        [(LinePattern.Solid, 2.8f), (LinePattern.Dashed, 2.2f), (LinePattern.Dotted, 2.2f)];

    /// <summary>Classes of classification uncertainty (1 - largest responsibility) and the point size of each (--uncertainty).</summary>
    public static readonly (double From, float Size)[] UncertaintyClasses = [(0, 5), (0.05, 8), (0.2, 12), (0.4, 17)];

    /// <summary>What a picture may add to the points and ellipses.</summary>
    /// <param name="Contours">Draw contours of the mixture density (off by default: the ellipses say the same more plainly).</param>
    /// <param name="Uncertainty">Per point: 1 - its largest responsibility, which then sets the point's size.</param>
    /// <param name="Limits">Fixed axis limits (a series of pictures shares one frame); default <see cref="Limits"/> of this picture.</param>
    /// <param name="Notes">Lines said in the legend under the symbols (marginal view, subsample).</param>
    public sealed record Options(bool Contours = false, double[]? Uncertainty = null, AxisLimits? Limits = null, IReadOnlyList<string>? Notes = null);

    /// <summary>One drawn ellipse: the component, its sigma level and its outline in data coordinates.</summary>
    public sealed record EllipseLine(int Component, int Sigma, double[] Xs, double[] Ys);

    /// <summary>The computed layout: axis limits, tick positions and the ellipses drawn.</summary>
    public sealed record PictureLayout(AxisLimits Limits, double[] XTicks, double[] YTicks, IReadOnlyList<EllipseLine> Ellipses);

    /// <summary>The fraction of a 2-D Gaussian inside its s-sigma ellipse: 1 - exp(-s²/2) (39%, 86%, 99%).</summary>
    public static double Coverage(int sigmas) => 1 - Math.Exp(-sigmas * sigmas / 2.0);

    /// <param name="view">The mixture's marginal on the two plotted features.</param>
    /// <param name="xs">Horizontal coordinate of each point.</param>
    /// <param name="ys">Vertical coordinate of each point.</param>
    /// <param name="labels">Component of each point (colours).</param>
    /// <param name="xName">Label of the horizontal axis.</param>
    /// <param name="yName">Label of the vertical axis.</param>
    /// <param name="title">Title of the picture.</param>
    /// <param name="options">Contours, uncertainty, fixed limits, notes.</param>
    public static Plot Create(MixtureView view, double[] xs, double[] ys, int[] labels, string xName, string yName, string title,
        Options? options = null)
    {
        options ??= new Options();
        var layout = Layout(view, xs, ys, options.Limits);
        var plot = PlotStyle.NewPlot(title, xName, yName);
        var l = layout.Limits;

        if (options.Contours) AddContours(plot, view, l);
        AddPoints(plot, view, xs, ys, labels, options.Uncertainty);
        AddEllipses(plot, layout.Ellipses);
        AddMeans(plot, view);
        if (view.OffNote() is { } note) plot.Legend.ManualItems.Add(new LegendItem { LabelText = note, FillColor = Colors.LightGray });
        foreach (var line in options.Notes ?? []) plot.Legend.ManualItems.Add(new LegendItem { LabelText = line });

        plot.Axes.SetLimits(l.Left, l.Right, l.Bottom, l.Top);
        PlotStyle.FixedTicks(plot.Axes.Bottom, l.Left, l.Right);
        PlotStyle.FixedTicks(plot.Axes.Left, l.Bottom, l.Top);
        PlotStyle.LegendOutside(plot);
        return plot;
    }

    /// <summary>The picture's limits (given, or <see cref="Limits"/>), ticks and ellipses.</summary>
    public static PictureLayout Layout(MixtureView view, double[] xs, double[] ys, AxisLimits? limits = null)
    {
        var l = limits ?? Limits([view], xs, ys);
        var ellipses = new List<EllipseLine>();
        for (int c = 0; c < view.Components; c++)
        {
            if (view.IsOff(c)) continue;
            for (int s = 1; s <= 3; s++)
            {
                var (ex, ey) = Ellipse(view, c, s);
                ellipses.Add(new EllipseLine(c, s, ex, ey));
            }
        }
        return new PictureLayout(l, PlotStyle.Ticks(l.Left, l.Right).Positions, PlotStyle.Ticks(l.Bottom, l.Top).Positions, ellipses);
    }

    /// <summary>
    /// Axis limits holding the data and the 3-sigma ellipse of every drawn component of every view (a series
    /// passes all its frames), padded by 4%. The ellipse's extreme on axis i is mean_i ± 3 sqrt(cov_ii), exactly.
    /// </summary>
    public static AxisLimits Limits(IEnumerable<MixtureView> views, double[] xs, double[] ys)
    {
        double xLo = xs.Length > 0 ? xs.Min() : double.PositiveInfinity, xHi = xs.Length > 0 ? xs.Max() : double.NegativeInfinity;
        double yLo = ys.Length > 0 ? ys.Min() : double.PositiveInfinity, yHi = ys.Length > 0 ? ys.Max() : double.NegativeInfinity;
        foreach (var view in views)
            for (int c = 0; c < view.Components; c++)
            {
                if (view.IsOff(c)) continue;
                double sx = 3 * Math.Sqrt(view.Covariances[c, 0, 0]), sy = 3 * Math.Sqrt(view.Covariances[c, 1, 1]);
                xLo = Math.Min(xLo, view.Means[c, 0] - sx);
                xHi = Math.Max(xHi, view.Means[c, 0] + sx);
                yLo = Math.Min(yLo, view.Means[c, 1] - sy);
                yHi = Math.Max(yHi, view.Means[c, 1] + sy);
            }
        var (left, right) = Pad(xLo, xHi);
        var (bottom, top) = Pad(yLo, yHi);
        return new AxisLimits(left, right, bottom, top);
    }

    private static (double Lo, double Hi) Pad(double lo, double hi)
    {
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) return (-1, 1);
        double pad = (hi - lo) * 0.04;
        if (!(pad > 0)) pad = Math.Max(Math.Abs(lo) * 0.1, 1);
        return (lo - pad, hi + pad);
    }

    private static void AddPoints(Plot plot, MixtureView view, double[] xs, double[] ys, int[] labels, double[]? uncertainty)
    {
        float size = xs.Length > 5000 ? 3 : xs.Length > 1000 ? 4 : 6;
        int classes = uncertainty is null ? 1 : UncertaintyClasses.Length;
        for (int c = 0; c < view.Components; c++)
        {
            var mine = Enumerable.Range(0, xs.Length).Where(i => labels[i] == c).ToArray();
            // A switched-off component is named in one legend line (OffNote), unless points are still assigned to it.
            if (view.IsOff(c) && mine.Length == 0) continue;
            for (int u = 0; u < classes; u++)
            {
                var idx = uncertainty is null ? mine : mine.Where(i => UncertaintyClass(uncertainty[i]) == u).ToArray();
                if (idx.Length == 0) continue;
                var m = plot.Add.Markers(idx.Select(i => xs[i]).ToArray(), idx.Select(i => ys[i]).ToArray(),
                    MarkerShape.FilledCircle, uncertainty is null ? size : UncertaintyClasses[u].Size, PlotStyle.Component(c).WithAlpha(0.5));
                m.LegendText = "";
            }
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = string.Create(CultureInfo.InvariantCulture, $"component {c}: weight {PlotStyle.Short(view.Weights[c])}, {mine.Length} points"),
                MarkerShape = MarkerShape.FilledCircle,
                MarkerColor = PlotStyle.Component(c),
                MarkerSize = 10,
            });
        }
        if (uncertainty is null) return;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "point size: uncertainty (1 - max responsibility)" });
        for (int u = 0; u < UncertaintyClasses.Length; u++)
        {
            var (from, sz) = UncertaintyClasses[u];
            string range = u + 1 < UncertaintyClasses.Length
                ? string.Create(CultureInfo.InvariantCulture, $"{from:0.##} to {UncertaintyClasses[u + 1].From:0.##}")
                : string.Create(CultureInfo.InvariantCulture, $"{from:0.##} or more");
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"  {range}", MarkerShape = MarkerShape.FilledCircle, MarkerColor = Colors.Gray, MarkerSize = sz });
        }
    }

    /// <summary>The class of <see cref="UncertaintyClasses"/> an uncertainty falls in.</summary>
    public static int UncertaintyClass(double u)
    {
        int k = 0;
        while (k + 1 < UncertaintyClasses.Length && u >= UncertaintyClasses[k + 1].From) k++;
        return k;
    }

    private static void AddEllipses(Plot plot, IReadOnlyList<EllipseLine> ellipses)
    {
        foreach (var e in ellipses)
        {
            // Drawn in data coordinates (a rotated screen-space ellipse would be wrong when the axes' scales differ).
            var line = plot.Add.ScatterLine(e.Xs, e.Ys, PlotStyle.Component(e.Component));
            line.LineWidth = SigmaStyle[e.Sigma - 1].Width;
            line.LinePattern = SigmaStyle[e.Sigma - 1].Pattern;
        }
        for (int s = 1; s <= 3; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                // Said once: a 2-D Gaussian puts 1 - exp(-s²/2) of its mass inside its s-sigma ellipse.
                LabelText = string.Create(CultureInfo.InvariantCulture, $"{s}-sigma ellipse: {100 * Coverage(s):F0}% of its component"),
                LineColor = Colors.DimGray,
                LineWidth = SigmaStyle[s - 1].Width,
                LinePattern = SigmaStyle[s - 1].Pattern,
            });
        }
    }

    /// <summary>The <paramref name="sigmas"/>-sigma ellipse of component c: mean + sigmas * L [cos t, sin t], L L^T = covariance.</summary>
    public static (double[] Xs, double[] Ys) Ellipse(MixtureView view, int c, int sigmas)
    {
        const int points = 121;
        double a = view.Covariances[c, 0, 0], b = view.Covariances[c, 0, 1], d = view.Covariances[c, 1, 1];
        double l00 = Math.Sqrt(Math.Max(a, 0)), l10 = l00 > 0 ? b / l00 : 0, l11 = Math.Sqrt(Math.Max(d - l10 * l10, 0));
        var xs = new double[points];
        var ys = new double[points];
        for (int i = 0; i < points; i++)
        {
            double t = 2 * Math.PI * i / (points - 1), u = Math.Cos(t), v = Math.Sin(t);
            xs[i] = view.Means[c, 0] + sigmas * l00 * u;
            ys[i] = view.Means[c, 1] + sigmas * (l10 * u + l11 * v);
        }
        return (xs, ys);
    }

    private static void AddMeans(Plot plot, MixtureView view)
    {
        for (int c = 0; c < view.Components; c++)
        {
            if (view.IsOff(c)) continue;
            plot.Add.Marker(view.Means[c, 0], view.Means[c, 1], MarkerShape.FilledDiamond, 16, PlotStyle.Component(c));
            plot.Add.Marker(view.Means[c, 0], view.Means[c, 1], MarkerShape.OpenDiamond, 16, Colors.Black);
        }
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "component means",
            MarkerShape = MarkerShape.OpenDiamond,
            MarkerColor = Colors.Black,
            MarkerSize = 12,
        });
    }

    /// <summary>Log-density contours one unit (a factor e) apart, from just below the peak down to e^-7 of it, by ScottPlot's ContourLines.</summary>
    private static void AddContours(Plot plot, MixtureView view, AxisLimits l)
    {
        var grid = new Coordinates3d[Grid, Grid];
        Span<double> p = stackalloc double[2];
        double top = double.NegativeInfinity;
        for (int i = 0; i < Grid; i++)
            for (int j = 0; j < Grid; j++)
            {
                p[0] = l.Left + (l.Right - l.Left) * j / (Grid - 1);
                p[1] = l.Bottom + (l.Top - l.Bottom) * i / (Grid - 1);
                double z = Math.Log(Math.Max(view.Density(p), double.Epsilon));
                grid[i, j] = new Coordinates3d(p[0], p[1], z);
                top = Math.Max(top, z);
            }
        var contours = plot.Add.ContourLines(grid);
        contours.ContourLineLevels = [.. Enumerable.Range(0, 7).Select(level => top - 0.5 - level)];
        contours.Update(grid);
        contours.LabelStyle.IsVisible = false;   // its labels would print log-densities, which say nothing here
        contours.LineColor = Colors.Gray.WithAlpha(0.6);
        contours.LineWidth = 1;
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "density contours, a factor e apart",
            LineColor = Colors.Gray,
            LineWidth = 1,
        });
    }
}
