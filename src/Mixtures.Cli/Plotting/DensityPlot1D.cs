using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// One feature: a grey density histogram of the data, the mixture density (black) and each weighted component
/// in its own colour, drawn above the mixture curve where they meet; the legend beside the axes.
/// </summary>
internal static class DensityPlot1D
{
    private const int Points = 400;

    /// <summary>The axes of a picture: x from <paramref name="Lo"/> to <paramref name="Hi"/>, density from 0 to <paramref name="YMax"/>.</summary>
    public sealed record Frame(double Lo, double Hi, double YMax);

    /// <param name="view">The one-feature mixture.</param>
    /// <param name="values">The data.</param>
    /// <param name="name">The feature's name.</param>
    /// <param name="title">Title of the picture.</param>
    /// <param name="frame">Fixed axes (a series of pictures shares one); default <see cref="SharedFrame"/> of this picture alone.</param>
    /// <param name="notes">Lines said in the legend (a subsample).</param>
    public static Plot Create(MixtureView view, double[] values, string name, string title, Frame? frame = null, IReadOnlyList<string>? notes = null)
    {
        var f = frame ?? SharedFrame([view], values);
        var plot = PlotStyle.NewPlot(title, name, "density");
        AddHistogram(plot, values);
        var (xs, total, parts) = Curves(view, f.Lo, f.Hi);

        var mix = plot.Add.ScatterLine(xs, total, Colors.Black);
        mix.LineWidth = 2.5f;
        mix.LegendText = "mixture density";
        // Components after the mixture: on top where a component alone makes up the density.
        for (int c = 0; c < view.Components; c++)
        {
            // A switched-off component's curve would lie flat on the axis: it is named in one legend line instead.
            if (view.IsOff(c)) continue;
            var line = plot.Add.ScatterLine(xs, parts[c], PlotStyle.Component(c));
            line.LineWidth = 2.2f;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"component {c}: weight {PlotStyle.Short(view.Weights[c])}, mean {PlotStyle.Short(view.Means[c, 0])}, " +
                              $"sd {PlotStyle.Short(Math.Sqrt(view.Covariances[c, 0, 0]))}";
        }
        if (view.OffNote() is { } note) plot.Legend.ManualItems.Add(new LegendItem { LabelText = note, FillColor = Colors.LightGray });
        foreach (var line in notes ?? []) plot.Legend.ManualItems.Add(new LegendItem { LabelText = line });

        plot.Axes.SetLimits(f.Lo, f.Hi, 0, f.YMax);
        PlotStyle.FixedTicks(plot.Axes.Bottom, f.Lo, f.Hi);
        PlotStyle.FixedTicks(plot.Axes.Left, 0, f.YMax, 6);
        PlotStyle.LegendOutside(plot);
        return plot;
    }

    /// <summary>
    /// One frame for all <paramref name="views"/>: x over the data and every component's mean ± 3 sd, the
    /// density axis up to the highest histogram bar or mixture density of any of them, plus 5%.
    /// </summary>
    public static Frame SharedFrame(IReadOnlyList<MixtureView> views, double[] values)
    {
        double lo = values.Min(), hi = values.Max();
        foreach (var view in views)
            for (int c = 0; c < view.Components; c++)
            {
                if (view.IsOff(c)) continue;
                double sd = Math.Sqrt(view.Covariances[c, 0, 0]);
                lo = Math.Min(lo, view.Means[c, 0] - 3 * sd);
                hi = Math.Max(hi, view.Means[c, 0] + 3 * sd);
            }
        if (!(hi > lo)) (lo, hi) = (lo - 1, hi + 1);
        double top = Histogram(values).Density.DefaultIfEmpty(0).Max();
        foreach (var view in views) top = Math.Max(top, Curves(view, lo, hi).Total.Max());
        return new Frame(lo, hi, top > 0 && double.IsFinite(top) ? top * 1.05 : 1);
    }

    /// <summary>The mixture density and each weighted component on <see cref="Points"/> points over [lo, hi].</summary>
    private static (double[] Xs, double[] Total, double[][] Parts) Curves(MixtureView view, double lo, double hi)
    {
        var xs = new double[Points];
        var total = new double[Points];
        var parts = new double[view.Components][];
        for (int c = 0; c < view.Components; c++) parts[c] = new double[Points];
        Span<double> p = stackalloc double[1];
        for (int i = 0; i < Points; i++)
        {
            xs[i] = lo + (hi - lo) * i / (Points - 1);
            p[0] = xs[i];
            for (int c = 0; c < view.Components; c++)
            {
                parts[c][i] = Math.Exp(view.WeightedLogDensity(c, p));
                total[i] += parts[c][i];
            }
        }
        return (xs, total, parts);
    }

    /// <summary>The histogram's bins: 2 n^(1/3) of them (8 to 80), as densities.</summary>
    private static (double Lo, double Width, double[] Density) Histogram(double[] values)
    {
        int bins = Math.Clamp((int)Math.Ceiling(2 * Math.Cbrt(values.Length)), 8, 80);
        double lo = values.Min(), hi = values.Max();
        if (!(hi > lo)) (lo, hi) = (lo - 0.5, hi + 0.5);
        double width = (hi - lo) / bins;
        var density = new double[bins];
        foreach (var v in values) density[Math.Min((int)((v - lo) / width), bins - 1)] += 1.0 / (values.Length * width);
        return (lo, width, density);
    }

    private static void AddHistogram(Plot plot, double[] values)
    {
        var (lo, width, density) = Histogram(values);
        // Grey, so that no component's colour is taken by the data.
        var bars = density.Select((d, b) => new Bar
        {
            Position = lo + (b + 0.5) * width,
            Value = d,
            Size = width,
            FillColor = Colors.Gray.WithAlpha(0.3),
            LineColor = Colors.Gray.WithAlpha(0.6),
            LineWidth = 1,
        }).ToArray();
        plot.Add.Bars(bars);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"data histogram ({values.Length} points)", FillColor = Colors.Gray.WithAlpha(0.3) });
    }
}
