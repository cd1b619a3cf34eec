using Mixtures.Cli.Output;
using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// <c>plot --weights FILE</c>: one bar per component's weight, each labelled with its value, the switched-off
/// ones (weight below <see cref="FitReport.OffWeight"/>) grey — what a user reads to see how many components
/// a variational fit kept. Any family's model can be drawn so.
/// </summary>
internal static class WeightsPlot
{
    public static Plot Create(double[] weights, string title)
    {
        var plot = PlotStyle.NewPlot(title, "component", "weight");
        int off = 0;
        var bars = new Bar[weights.Length];
        for (int c = 0; c < weights.Length; c++)
        {
            bool isOff = weights[c] < FitReport.OffWeight;
            if (isOff) off++;
            bars[c] = new Bar
            {
                Position = c,
                Value = weights[c],
                FillColor = isOff ? Colors.LightGray : PlotStyle.Component(c),
                LineColor = isOff ? Colors.Gray : Colors.Black,
                LineWidth = 1,
                // On a linear axis a weight of 1e-6 is no bar at all, so the value is written above every bar.
                Label = weights[c] >= 0.01 ? weights[c].ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)
                    : weights[c].ToString("0.0E+0", System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = weights.Length > 12 ? 10 : 13;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, weights.Length).Select(c => (double)c)], [.. Enumerable.Range(0, weights.Length).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.SetLimitsX(-0.6, weights.Length - 0.4);
        plot.Axes.SetLimitsY(0, Math.Max(weights.DefaultIfEmpty(0).Max() * 1.15, 0.05));

        // No line at the threshold: on a linear axis it would lie on the axis itself; the legend states it.
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"kept: {weights.Length - off} of {weights.Length} components", FillColor = PlotStyle.Component(0) });
        if (off > 0) plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"switched off (weight < {FitReport.OffWeight:G}): {off}", FillColor = Colors.LightGray });
        PlotStyle.ShowLegend(plot, Alignment.UpperRight);
        return plot;
    }
}
