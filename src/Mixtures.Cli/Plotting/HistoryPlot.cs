using System.Globalization;
using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// The EM learning curve in two panels: the mean log-likelihood per sample (the lower bound) at every
/// iteration from 0, the initial parameters; below it the change per iteration on a log scale, with the
/// tolerance the fit stopped at.
/// </summary>
internal static class HistoryPlot
{
    /// <summary>What the two panels show, for tests: the iteration of each value, the changes drawn and the tick counts.</summary>
    public sealed record PictureLayout(double[] Iterations, double[] Changes, int CurveYTicks);

    /// <param name="history">The lower bound of every iteration (the model's LowerBoundHistory).</param>
    /// <param name="firstIsInitial">Whether history[0] is the bound of the initial parameters (EM's, whose bound
    /// predates each update) rather than after the first update (the variational fit's).</param>
    /// <param name="converged">Whether the fit converged.</param>
    /// <param name="tolerance">The fit's tolerance on the change.</param>
    /// <param name="title">Title of the picture.</param>
    public static Multiplot Create(double[] history, bool firstIsInitial, bool converged, double tolerance, string title) =>
        Draw(history, firstIsInitial, converged, tolerance, title).Picture;

    /// <summary>The picture and its layout.</summary>
    public static (Multiplot Picture, PictureLayout Layout) Draw(double[] history, bool firstIsInitial, bool converged, double tolerance, string title)
    {
        int first = firstIsInitial ? 0 : 1;
        var xs = Enumerable.Range(first, history.Length).Select(i => (double)i).ToArray();
        double xMin = first - 0.5, xMax = Math.Max(first + history.Length - 0.5, first + 1.5);

        var curve = PlotStyle.NewPlot(title, "", "log-likelihood per sample");
        var line = curve.Add.Scatter(xs, history, PlotStyle.Component(0));
        line.LineWidth = 2;
        line.MarkerSize = history.Length > 60 ? 0 : 6;
        line.LegendText = converged
            ? $"converged after {history.Length} iterations (tol {PlotStyle.Short(tolerance)})"
            : $"stopped after {history.Length} iterations (not converged)";
        int yTicks = 0;
        if (history.Length > 0)
        {
            var last = curve.Add.Marker(xs[^1], history[^1], MarkerShape.FilledCircle, 10, Colors.Black);
            last.LegendText = string.Create(CultureInfo.InvariantCulture, $"final lower bound {history[^1]:F6}");
            double lo = history.Min(), hi = history.Max(), pad = Math.Max((hi - lo) * 0.06, Math.Abs(hi) * 1e-9 + 1e-12);
            curve.Axes.SetLimits(xMin, xMax, lo - pad, hi + pad);
            yTicks = PlotStyle.FixedTicks(curve.Axes.Left, lo - pad, hi + pad, 5).Length;
        }
        PlotStyle.FixedTicks(curve.Axes.Bottom, xMin, xMax, 10, integers: true);
        curve.ShowLegend(Alignment.LowerRight);
        curve.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);

        // The change per iteration, |L_t - L_(t-1)|, as log10 on a linear axis labelled in powers of ten.
        var change = PlotStyle.NewPlot("", firstIsInitial ? "EM iteration (0 = initial parameters)" : "EM iteration (1 = after the first update)",
            "change (log scale)");
        change.Title("");
        var cx = new List<double>();
        var cy = new List<double>();
        for (int t = 1; t < history.Length; t++)
        {
            double d = Math.Abs(history[t] - history[t - 1]);
            if (d > 0 && double.IsFinite(d)) { cx.Add(xs[t]); cy.Add(Math.Log10(d)); }
        }
        if (cx.Count > 0)
        {
            var steps = change.Add.Scatter(cx.ToArray(), cy.ToArray(), PlotStyle.Component(1));
            steps.LineWidth = 2;
            steps.MarkerSize = history.Length > 60 ? 0 : 5;
            steps.LegendText = "change of the lower bound";
        }
        double logTol = Math.Log10(tolerance);
        if (tolerance > 0 && double.IsFinite(logTol))
        {
            var tol = change.Add.HorizontalLine(logTol, 1.5f, Colors.DimGray, LinePattern.Dashed);
            tol.LegendText = $"tolerance {PlotStyle.Short(tolerance)}";
        }
        var ys = cy.Concat(tolerance > 0 && double.IsFinite(logTol) ? [logTol] : []).ToArray();
        double yLo = ys.Length > 0 ? Math.Floor(ys.Min()) : -6, yHi = ys.Length > 0 ? Math.Ceiling(ys.Max()) : 0;
        if (yHi <= yLo) yHi = yLo + 1;
        change.Axes.SetLimits(xMin, xMax, yLo - 0.2, yHi + 0.2);
        int every = (int)Math.Ceiling((yHi - yLo + 1) / 6.0);
        var decades = new ScottPlot.TickGenerators.NumericManual();
        for (double e = yLo; e <= yHi; e += every) decades.AddMajor(e, Power(e));
        change.Axes.Left.TickGenerator = decades;
        PlotStyle.FixedTicks(change.Axes.Bottom, xMin, xMax, 10, integers: true);
        change.ShowLegend(Alignment.UpperRight);
        change.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);

        // Both panels' left edges line up: the same room for tick labels.
        curve.Axes.Left.MinimumSize = change.Axes.Left.MinimumSize = 90;
        var picture = new Multiplot();
        picture.Reset(curve);   // a new multiplot holds an empty plot of its own
        picture.AddPlot(change);
        picture.Layout = new ScottPlot.MultiplotLayouts.Rows();
        picture.SharedAxes.ShareX([curve, change]);
        return (picture, new PictureLayout([.. xs], [.. cy.Select(v => Math.Pow(10, v))], yTicks));
    }

    private static string Power(double exponent) => exponent == 0 ? "1" : string.Create(CultureInfo.InvariantCulture, $"1e{exponent:0}");
}
