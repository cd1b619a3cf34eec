using System.Globalization;
using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// Model selection, as mclust's BIC picture: the criterion against K, one line per covariance model, the best
/// circled. K = 1 and other poor fits are often hundreds of units worse than the best few, which flattens the
/// lines that matter into one; so when the whole range is more than three times the spread of the best fits,
/// the y axis is zoomed to those fits (<see cref="Range"/>) and the label says how many points are off the chart.
/// </summary>
internal static class CriterionPlot
{
    /// <summary>A covariance type's (or family's) line: its K and criterion values (scikit-learn's sign); failed fits left out.</summary>
    public sealed record Series(string Name, double[] Ks, double[] Values);

    /// <summary>The winning fit (value in scikit-learn's sign).</summary>
    public sealed record Best(int K, double Value, string Name);

    /// <summary>The y range in scikit-learn's sign, whether it cuts off worse fits, and how many.</summary>
    public sealed record YRange(double Low, double High, bool Zoomed, int OffChart);

    /// <param name="series">The lines.</param>
    /// <param name="criterion">"bic", "aic" or "icl".</param>
    /// <param name="best">The winning fit, circled.</param>
    /// <param name="mclustSign">Draw mclust's sign (2 loglik - penalty, higher is better) instead of scikit-learn's.</param>
    /// <param name="title">Title of the picture.</param>
    public static Plot Create(IReadOnlyList<Series> series, string criterion, Best best, bool mclustSign, string title)
    {
        double sign = mclustSign ? -1 : 1;
        string name = criterion.ToUpperInvariant();
        var range = Range(series, best.Value);
        var yLabel = mclustSign ? $"{name} (mclust's sign: higher is better)" : $"{name} (lower is better)";
        if (range.Zoomed) yLabel += $"; zoomed: {range.OffChart} worse fit{(range.OffChart == 1 ? "" : "s")} off the chart";
        var plot = PlotStyle.NewPlot(title, "number of components K", yLabel);
        MarkerShape[] shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];
        for (int s = 0; s < series.Count; s++)
        {
            var (label, ks, values) = series[s];
            var line = plot.Add.Scatter(ks, values.Select(v => sign * v).ToArray(), PlotStyle.Component(s));
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.MarkerShape = shapes[s % shapes.Length];
            if (s >= 10) line.LinePattern = LinePattern.Dashed;   // Category10 repeats its colours from the 11th line on
            // A line wholly below the zoomed range is still listed, so that its absence is not mistaken for a failure.
            line.LegendText = values.All(v => v > range.High) ? $"{label} (off the chart)" : label;
        }
        var level = plot.Add.HorizontalLine(sign * best.Value, 1, Colors.Red.WithAlpha(0.5), LinePattern.Dotted);
        level.LegendText = "";
        var star = plot.Add.Marker(best.K, sign * best.Value, MarkerShape.OpenCircle, 22, Colors.Red);
        star.MarkerLineWidth = 3;
        star.LegendText = $"best: K = {best.K}, {best.Name} ({name} {(sign * best.Value).ToString("F1", CultureInfo.InvariantCulture)})";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        double kMin = series.SelectMany(s => s.Ks).DefaultIfEmpty(best.K).Min(), kMax = series.SelectMany(s => s.Ks).DefaultIfEmpty(best.K).Max();
        double lo = sign > 0 ? range.Low : -range.High, hi = sign > 0 ? range.High : -range.Low;
        plot.Axes.SetLimits(kMin - 0.4, kMax + 0.4, lo, hi);
        PlotStyle.FixedTicks(plot.Axes.Left, lo, hi);   // about 7 labelled values, one format, as the other pictures
        if (series.Count > 4)
        {
            plot.ShowLegend(Edge.Right);   // mclust's 14 lines: beside the data, not over it
            plot.Legend.FontSize = 12;
        }
        else PlotStyle.ShowLegend(plot, mclustSign ? Alignment.LowerRight : Alignment.UpperRight);
        return plot;
    }

    /// <summary>
    /// The y range (scikit-learn's sign, lower is better). Poor fits (K = 1, models far worse than the rest) would
    /// take most of the height, so the range ends at best + 3 (median - best): robust to any number of such outliers,
    /// it keeps the bulk of the fits and the shape of every competitive line, and always holds the five best values.
    /// When that cuts nothing, every value is shown. Margins of 6%.
    /// </summary>
    public static YRange Range(IReadOnlyList<Series> series, double best)
    {
        var all = series.SelectMany(s => s.Values).Where(double.IsFinite).Append(best).Order().ToArray();
        double lowest = all[0], median = all[all.Length / 2];
        double high = Math.Max(lowest + 3 * (median - lowest), all[Math.Min(all.Length, 5) - 1]);
        high = Math.Max(high, lowest + Math.Max(1e-9, Math.Abs(lowest) * 1e-6));
        bool zoom = high < all[^1];
        if (!zoom) high = all[^1];
        double pad = 0.06 * (high - lowest);
        return new YRange(lowest - pad, high + pad, zoom, zoom ? all.Count(v => v > high + pad) : 0);
    }
}
