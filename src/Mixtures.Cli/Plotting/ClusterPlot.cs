using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// The classic GMM picture in two dimensions: points coloured by component, 1/2/3-sigma ellipses,
/// contours of the mixture density and the means marked.
/// </summary>
internal static class ClusterPlot
{
    private const int Grid = 140;

    /// <param name="view">The mixture's marginal on the two plotted features.</param>
    /// <param name="xs">Horizontal coordinate of each point.</param>
    /// <param name="ys">Vertical coordinate of each point.</param>
    /// <param name="labels">Component of each point (colours).</param>
    /// <param name="xName">Label of the horizontal axis.</param>
    /// <param name="yName">Label of the vertical axis.</param>
    /// <param name="title">Title of the picture.</param>
    /// <param name="limits">Fixed axis limits (for a series of pictures); default: the data and the 2-sigma ellipses.</param>
    public static Plot Create(MixtureView view, double[] xs, double[] ys, int[] labels, string xName, string yName, string title,
        AxisLimits? limits = null)
    {
        var plot = PlotStyle.NewPlot(title, xName, yName);
        var (xMin, xMax) = limits is { } l ? (l.Left, l.Right) : Range(xs, view, 0);
        var (yMin, yMax) = limits is { } m ? (m.Bottom, m.Top) : Range(ys, view, 1);

        AddContours(plot, view, xMin, xMax, yMin, yMax);
        AddPoints(plot, view, xs, ys, labels);
        AddEllipses(plot, view);
        AddMeans(plot, view);
        if (view.OffNote() is { } note) plot.Legend.ManualItems.Add(new LegendItem { LabelText = note, FillColor = Colors.LightGray });

        plot.Axes.SetLimits(xMin, xMax, yMin, yMax);
        PlotStyle.ShowLegend(plot, EmptiestCorner(xs, ys, xMin, xMax, yMin, yMax));
        return plot;
    }

    private static void AddPoints(Plot plot, MixtureView view, double[] xs, double[] ys, int[] labels)
    {
        float size = xs.Length > 5000 ? 3 : xs.Length > 1000 ? 4 : 6;
        for (int c = 0; c < view.Components; c++)
        {
            var idx = Enumerable.Range(0, xs.Length).Where(i => labels[i] == c).ToArray();
            // A switched-off component is named in one legend line (OffNote), unless points are still assigned to it.
            if (view.IsOff(c) && idx.Length == 0) continue;
            var m = plot.Add.Markers(idx.Select(i => xs[i]).ToArray(), idx.Select(i => ys[i]).ToArray(),
                MarkerShape.FilledCircle, size, PlotStyle.Component(c).WithAlpha(0.55));
            m.LegendText = $"component {c} (weight {view.Weights[c]:0.000}, {idx.Length} points)";
        }
    }

    private static void AddEllipses(Plot plot, MixtureView view)
    {
        LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted];
        float[] widths = [2.5f, 1.8f, 1.4f];
        for (int c = 0; c < view.Components; c++)
        {
            if (view.IsOff(c)) continue;
            for (int s = 1; s <= 3; s++)
            {
                // Drawn in data coordinates (a rotated screen-space ellipse would be wrong when the axes' scales differ).
                var (xs, ys) = Ellipse(view, c, s);
                var e = plot.Add.ScatterLine(xs, ys, PlotStyle.Component(c));
                e.LineWidth = widths[s - 1];
                e.LinePattern = patterns[s - 1];
            }
        }
        for (int s = 1; s <= 3; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = $"{s}-sigma ellipse",
                LineColor = Colors.DimGray,
                LineWidth = widths[s - 1],
                LinePattern = patterns[s - 1],
            });
        }
    }

    /// <summary>The <paramref name="sigmas"/>-sigma ellipse of component c: mean + sigmas * L [cos t, sin t], L L^T = covariance.</summary>
    private static (double[] Xs, double[] Ys) Ellipse(MixtureView view, int c, int sigmas)
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

    private static void AddContours(Plot plot, MixtureView view, double xMin, double xMax, double yMin, double yMax)
    {
        var xs = Enumerable.Range(0, Grid).Select(j => xMin + (xMax - xMin) * j / (Grid - 1)).ToArray();
        var ys = Enumerable.Range(0, Grid).Select(i => yMin + (yMax - yMin) * i / (Grid - 1)).ToArray();
        var z = new double[Grid, Grid];
        Span<double> p = stackalloc double[2];
        double top = double.NegativeInfinity;
        for (int i = 0; i < Grid; i++)
            for (int j = 0; j < Grid; j++)
            {
                p[0] = xs[j];
                p[1] = ys[i];
                z[i, j] = Math.Log(Math.Max(view.Density(p), double.Epsilon));
                top = Math.Max(top, z[i, j]);
            }
        // Log-density contours one unit (a factor e) apart, from just below the peak down to e^-7 of it.
        for (int level = 0; level < 7; level++)
        {
            foreach (var (lx, ly) in MarchingSquares.Contour(z, xs, ys, top - 0.5 - level))
            {
                var line = plot.Add.ScatterLine(lx, ly, Colors.Gray.WithAlpha(0.75));
                line.LineWidth = 1;
            }
        }
        plot.Legend.ManualItems.Add(new LegendItem
        {
            LabelText = "density contours (factor e apart)",
            LineColor = Colors.Gray,
            LineWidth = 1,
        });
    }

    /// <summary>The corner whose quarter-width, third-height box holds the fewest points: where the legend hides least.</summary>
    private static Alignment EmptiestCorner(double[] xs, double[] ys, double xMin, double xMax, double yMin, double yMax)
    {
        double w = (xMax - xMin) * 0.4, h = (yMax - yMin) * 0.35;
        (Alignment Corner, bool Left, bool Top)[] corners =
            [(Alignment.UpperLeft, true, true), (Alignment.UpperRight, false, true), (Alignment.LowerLeft, true, false), (Alignment.LowerRight, false, false)];
        return corners.OrderBy(c => Enumerable.Range(0, xs.Length).Count(i =>
            (c.Left ? xs[i] < xMin + w : xs[i] > xMax - w) && (c.Top ? ys[i] > yMax - h : ys[i] < yMin + h))).First().Corner;
    }

    /// <summary>The data's extent padded by 10% on each side.</summary>
    public static AxisLimits DataLimits(double[] xs, double[] ys)
    {
        double xPad = Math.Max((xs.Max() - xs.Min()) * 0.1, 1e-9 + Math.Abs(xs.Max()) * 1e-6);
        double yPad = Math.Max((ys.Max() - ys.Min()) * 0.1, 1e-9 + Math.Abs(ys.Max()) * 1e-6);
        return new AxisLimits(xs.Min() - xPad, xs.Max() + xPad, ys.Min() - yPad, ys.Max() + yPad);
    }

    /// <summary>Data extent padded by 8%, widened to hold every 2-sigma ellipse.</summary>
    private static (double Min, double Max) Range(double[] values, MixtureView view, int axis)
    {
        double lo = values.Length > 0 ? values.Min() : double.PositiveInfinity;
        double hi = values.Length > 0 ? values.Max() : double.NegativeInfinity;
        for (int c = 0; c < view.Components; c++)
        {
            if (view.IsOff(c)) continue;
            double sd = Math.Sqrt(view.Covariances[c, axis, axis]);
            lo = Math.Min(lo, view.Means[c, axis] - 2 * sd);
            hi = Math.Max(hi, view.Means[c, axis] + 2 * sd);
        }
        double pad = (hi - lo) * 0.08;
        if (!(pad > 0)) pad = Math.Max(Math.Abs(lo) * 0.1, 1);
        return (lo - pad, hi + pad);
    }
}
