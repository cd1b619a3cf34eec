using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>The EM learning curve: mean log-likelihood per sample at every iteration.</summary>
internal static class HistoryPlot
{
    public static Plot Create(double[] history, bool converged, double tolerance, string title)
    {
        var plot = PlotStyle.NewPlot(title, "EM iteration", "mean log-likelihood per sample (lower bound)");
        var xs = Enumerable.Range(1, history.Length).Select(i => (double)i).ToArray();
        var line = plot.Add.Scatter(xs, history, PlotStyle.Component(0));
        line.LineWidth = 2;
        line.MarkerSize = history.Length > 60 ? 0 : 6;
        line.LegendText = converged
            ? $"converged after {history.Length} iterations (tol {PlotStyle.Number(tolerance)})"
            : $"stopped after {history.Length} iterations (not converged)";
        if (history.Length > 0)
        {
            var last = plot.Add.Marker(xs[^1], history[^1], MarkerShape.FilledCircle, 10, Colors.Black);
            last.LegendText = $"final lower bound {history[^1]:F6}";
        }
        if (history.Length <= 25)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(history.Length <= 12 ? 1 : 2);
        PlotStyle.ShowLegend(plot, Alignment.LowerRight);
        return plot;
    }
}
