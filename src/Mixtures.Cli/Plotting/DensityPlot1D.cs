using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>One feature: a density histogram of the data, the mixture density and each weighted component.</summary>
internal static class DensityPlot1D
{
    public static Plot Create(MixtureView view, double[] values, string name, string title)
    {
        var plot = PlotStyle.NewPlot(title, name, "density");
        double lo = values.Min(), hi = values.Max();
        for (int c = 0; c < view.Components; c++)
        {
            if (view.IsOff(c)) continue;
            double sd = Math.Sqrt(view.Covariances[c, 0, 0]);
            lo = Math.Min(lo, view.Means[c, 0] - 3 * sd);
            hi = Math.Max(hi, view.Means[c, 0] + 3 * sd);
        }
        if (!(hi > lo)) (lo, hi) = (lo - 1, hi + 1);

        AddHistogram(plot, values);
        const int points = 400;
        var xs = new double[points];
        var total = new double[points];
        var parts = new double[view.Components][];
        for (int c = 0; c < view.Components; c++) parts[c] = new double[points];
        Span<double> p = stackalloc double[1];
        for (int i = 0; i < points; i++)
        {
            xs[i] = lo + (hi - lo) * i / (points - 1);
            p[0] = xs[i];
            for (int c = 0; c < view.Components; c++)
            {
                parts[c][i] = Math.Exp(view.WeightedLogDensity(c, p));
                total[i] += parts[c][i];
            }
        }
        for (int c = 0; c < view.Components; c++)
        {
            // A switched-off component's curve would lie flat on the axis: it is named in one legend line instead.
            if (view.IsOff(c)) continue;
            var line = plot.Add.ScatterLine(xs, parts[c], PlotStyle.Component(c));
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"component {c}: weight {view.Weights[c]:0.000}, mean {PlotStyle.Number(view.Means[c, 0])}, sd {PlotStyle.Number(Math.Sqrt(view.Covariances[c, 0, 0]))}";
        }
        var mix = plot.Add.ScatterLine(xs, total, Colors.Black);
        mix.LineWidth = 2.5f;
        mix.LegendText = "mixture density";
        if (view.OffNote() is { } note) plot.Legend.ManualItems.Add(new LegendItem { LabelText = note, FillColor = Colors.LightGray });

        plot.Axes.SetLimitsX(lo, hi);
        plot.Axes.Margins(bottom: 0);
        PlotStyle.ShowLegend(plot, Alignment.UpperRight);
        return plot;
    }

    private static void AddHistogram(Plot plot, double[] values)
    {
        int bins = Math.Clamp((int)Math.Ceiling(2 * Math.Cbrt(values.Length)), 8, 80);
        double lo = values.Min(), hi = values.Max();
        if (!(hi > lo)) (lo, hi) = (lo - 0.5, hi + 0.5);
        double width = (hi - lo) / bins;
        var counts = new int[bins];
        foreach (var v in values) counts[Math.Min((int)((v - lo) / width), bins - 1)]++;
        var bars = new Bar[bins];
        for (int b = 0; b < bins; b++)
        {
            bars[b] = new Bar
            {
                Position = lo + (b + 0.5) * width,
                Value = counts[b] / (values.Length * width),
                Size = width,
                FillColor = Colors.SteelBlue.WithAlpha(0.35),
                LineColor = Colors.SteelBlue.WithAlpha(0.6),
                LineWidth = 1,
            };
        }
        plot.Add.Bars(bars);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"data histogram ({values.Length} points)", FillColor = Colors.SteelBlue.WithAlpha(0.35) });
    }
}
