using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>Model selection: the criterion (BIC or AIC) against K, one line per covariance type, the best marked.</summary>
internal static class CriterionPlot
{
    /// <param name="series">Covariance type name and its (K, criterion) points; failed fits are left out.</param>
    /// <param name="criterion">"bic" or "aic".</param>
    /// <param name="best">The winning fit, circled.</param>
    /// <param name="title">Title of the picture.</param>
    public static Plot Create(IReadOnlyList<(string Name, double[] Ks, double[] Values)> series, string criterion,
        (double K, double Value, string Name) best, string title)
    {
        var plot = PlotStyle.NewPlot(title, "number of components K", $"{criterion.ToUpperInvariant()} (lower is better)");
        MarkerShape[] shapes = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];
        for (int s = 0; s < series.Count; s++)
        {
            var (name, ks, values) = series[s];
            var line = plot.Add.Scatter(ks, values, PlotStyle.Component(s));
            line.LineWidth = 2;
            line.MarkerSize = 8;
            line.MarkerShape = shapes[s % shapes.Length];
            line.LegendText = name;
        }
        var star = plot.Add.Marker(best.K, best.Value, MarkerShape.OpenCircle, 22, Colors.Red);
        star.MarkerLineWidth = 3;
        star.LegendText = $"best: K = {best.K}, {best.Name} ({criterion.ToUpperInvariant()} {best.Value:F1})";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        PlotStyle.ShowLegend(plot, Alignment.UpperRight);
        return plot;
    }
}
