using System.Globalization;
using Mixtures.Cli.Io;
using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// Pictures of mixtures with one parameter per component and feature (Bernoulli, Poisson; what the parameters
/// are comes with a <see cref="ParameterStyle"/>): probabilities as images when the features are the pixels of
/// a square (D = s x s, s &gt;= 4), otherwise a heatmap of the parameters (K rows by D columns, labelled with
/// the feature names) with a colour bar. With data, each component's average of the rows assigned to it is
/// drawn next to the parameters.
/// </summary>
internal static class ParameterPlot
{
    /// <summary>Up to this many cells get their value written in them.</summary>
    private const int MaxAnnotatedCells = 160;

    /// <summary>Draws <paramref name="model"/>; <paramref name="data"/> adds the per-component averages.</summary>
    /// <param name="model">A mixture with one parameter per component and feature.</param>
    /// <param name="style">What its parameters are.</param>
    /// <param name="data">The data, for the per-component averages beside the parameters (optional).</param>
    /// <param name="labels">The component of every data row (with <paramref name="data"/>).</param>
    /// <param name="title">Title of the picture.</param>
    /// <param name="scale">Colour scale of a heatmap (default: <see cref="Scale"/> of this picture); a series of pictures
    /// shares one so that their colours compare. Probabilities are always drawn on [0, 1].</param>
    /// <param name="size">The canvas the picture will be saved at: images grow to fill it; null: images take their natural size.</param>
    /// <param name="logScale">Colour a heatmap by log10 of the values (rates spanning decades); the cells still show the values.</param>
    public static Plot Create(IMixtureModel model, ParameterStyle style, DataSet? data, int[]? labels, string title, ScottPlot.Range? scale = null,
        (int Width, int Height)? size = null, bool logScale = false)
    {
        var averages = Averages(model, style, data, labels);
        return DrawsImages(model, style)
            ? Images(model, style, averages, ImageSide(model.Features), title, size)
            : Heatmap(model, style, averages, title, scale ?? OwnScale(model, style, averages), logScale);
    }

    /// <summary>Whether the model is drawn as images (its probabilities over a square of pixels) rather than a heatmap.</summary>
    public static bool DrawsImages(IMixtureModel model, ParameterStyle style) => style.Probabilities && ImageSide(model.Features) > 0;

    /// <summary>The colour scale the picture of <paramref name="model"/> (with these data and labels) uses on its own.</summary>
    public static ScottPlot.Range Scale(IMixtureModel model, ParameterStyle style, DataSet? data, int[]? labels) =>
        OwnScale(model, style, Averages(model, style, data, labels));

    private static (double[,] Means, int[] Counts)? Averages(IMixtureModel model, ParameterStyle style, DataSet? data, int[]? labels) =>
        data is null || labels is null ? null : ComponentAverages(model, data, labels, style.DataThreshold);

    private static ScottPlot.Range OwnScale(IMixtureModel model, ParameterStyle style, (double[,] Means, int[] Counts)? averages)
    {
        if (style.Probabilities) return new ScottPlot.Range(0, 1);
        double max = 0;
        foreach (var v in model.Means) max = Math.Max(max, v);
        if (averages is { } a) foreach (var v in a.Means) if (double.IsFinite(v)) max = Math.Max(max, v);
        return new ScottPlot.Range(0, max > 0 ? max : 1);
    }

    /// <summary>The side of the square image the features form (D = side², side &gt;= 4), or 0.</summary>
    public static int ImageSide(int features)
    {
        int side = (int)Math.Round(Math.Sqrt(features));
        return side >= 4 && side * side == features ? side : 0;
    }

    /// <summary>Per component: the average of the rows assigned to it (values &gt;= <paramref name="threshold"/> counted as 1, as the model reads them), and how many rows.</summary>
    public static (double[,] Means, int[] Counts) ComponentAverages(IMixtureModel model, DataSet data, int[] labels, double? threshold)
    {
        int k = model.Components, d = data.Columns;
        var sums = new double[k, d];
        var counts = new int[k];
        for (int i = 0; i < data.Rows; i++)
        {
            int c = labels[i];
            counts[c]++;
            for (int j = 0; j < d; j++)
            {
                double v = data.X[i, j];
                sums[c, j] += threshold is { } t ? (v >= t ? 1 : 0) : v;
            }
        }
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++)
                sums[c, j] = counts[c] == 0 ? double.NaN : sums[c, j] / counts[c];
        return (sums, counts);
    }

    private static Plot Images(IMixtureModel model, ParameterStyle style, (double[,] Means, int[] Counts)? averages, int side, string title,
        (int Width, int Height)? size)
    {
        int k = model.Components, d = model.Features;
        var means = model.Means;
        var weights = model.Weights;
        // Without data: 4 to 6 component means per row. With data: pairs side by side (the model's mean,
        // then the average of the rows assigned to that component), 3 to 5 pairs per row; as many as fill the last row.
        int perRow = PerRow(k, averages is null ? [4, 5, 6] : [3, 4, 5]);
        int columns = averages is null ? perRow : 2 * perRow;
        var images = new List<double[]?>();
        var captions = new List<string>();
        for (int c = 0; c < k; c++)
        {
            images.Add(Row(means, c, d));
            captions.Add(string.Create(CultureInfo.InvariantCulture, $"comp {c}\nw = {weights[c]:F3}"));
            if (averages is not { } a) continue;
            images.Add(a.Counts[c] == 0 ? null : Row(a.Means, c, d));
            captions.Add(string.Create(CultureInfo.InvariantCulture, $"data, comp {c}\nn = {a.Counts[c]}"));
        }
        var subtitle = averages is null
            ? $"component means {style.Parameter} as {side} x {side} images"
            : $"each component's mean {style.Parameter}, then the average of the data rows it explains";
        // The colour bar names the data's average only when the data are drawn.
        var bar = averages is null ? style.Parameter : $"{style.Parameter}  /  data: {style.DataAverage}";
        return DigitGrid.Create(images, captions, columns, side, $"{title}\n{subtitle}", new DigitGrid.Options(ColorBarLabel: bar),
            size?.Width, size?.Height).Plot;
    }

    /// <summary>Components per row of the grid: the choice that leaves the fewest empty slots in the last row (the wider on a tie).</summary>
    public static int PerRow(int components, int[] choices) =>
        components <= choices.Min() ? components
            : choices.OrderBy(p => p * ((components + p - 1) / p) - components).ThenByDescending(p => p).First();

    private static Plot Heatmap(IMixtureModel model, ParameterStyle style, (double[,] Means, int[] Counts)? averages, string title, ScottPlot.Range range,
        bool logScale)
    {
        // On a log scale the colours follow log10 of the values, from the largest down at most four decades.
        if (logScale) range = LogRange(model.Means, averages?.Means, range);
        int k = model.Components, d = model.Features;
        var names = ModelLoader.FeatureNames(model);
        var means = model.Means;
        var weights = model.Weights;

        var plot = PlotStyle.NewPlot(title, "feature", "component");
        const double gap = 1.0;
        int panels = averages is null ? 1 : 2;
        ScottPlot.Plottables.Heatmap? first = null;
        var xTicks = new List<(double, string)>();
        int step = Math.Max(1, (int)Math.Ceiling(d * panels / 40.0));
        for (int p = 0; p < panels; p++)
        {
            double left = p * (d + gap);
            var z = p == 0 ? means : averages!.Value.Means;
            var hm = plot.Add.Heatmap(logScale ? Log10(z, range.Min) : z);
            hm.Colormap = new ScottPlot.Colormaps.Viridis();
            hm.ManualRange = range;
            hm.NaNCellColor = Colors.LightGray;
            hm.Rectangle = new CoordinateRect(left, left + d, -k, 0);
            first ??= hm;
            for (int j = 0; j < d; j += step) xTicks.Add((left + j + 0.5, names[j]));
            var caption = plot.Add.Text(p == 0 ? $"model: {style.Parameter}" : $"data: {style.DataAverage} per component",
                left + d / 2.0, 0.15);
            caption.LabelFontSize = 14;
            caption.LabelBold = true;
            caption.LabelAlignment = Alignment.LowerCenter;
            caption.LabelFontColor = Colors.Black;
            if (k * d <= MaxAnnotatedCells) Annotate(plot, z, logScale ? Log10(z, range.Min) : z, left, range);
        }

        plot.Axes.Bottom.SetTicks(xTicks.Select(t => t.Item1).ToArray(), xTicks.Select(t => t.Item2).ToArray());
        if (xTicks.Count > 8 || xTicks.Any(t => t.Item2.Length > 6))
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.UpperLeft;
            // ScottPlot does not measure rotated labels: make room for the longest.
            int longest = xTicks.Max(t => t.Item2.Length);
            plot.Axes.Bottom.MinimumSize = Math.Clamp(24 + 6 * longest, 60, 200);
        }
        var yLabels = Enumerable.Range(0, k).Select(c =>
            averages is { } a
                ? string.Create(CultureInfo.InvariantCulture, $"{c} (w = {weights[c]:F2}, n = {a.Counts[c]})")
                : string.Create(CultureInfo.InvariantCulture, $"{c} (w = {weights[c]:F3})")).ToArray();
        plot.Axes.Left.SetTicks(Enumerable.Range(0, k).Select(c => -c - 0.5).ToArray(), yLabels);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Bottom.MinorTickStyle.Length = 0;
        plot.HideGrid();
        var bar = plot.Add.ColorBar(first!);
        // The data's average is named only when the data panel is drawn.
        bar.Axis.Label.Text = (averages is null ? style.Parameter : style.ColourBar) + (logScale ? " (log scale)" : "");
        bar.Axis.Label.FontSize = 14;
        bar.Axis.TickGenerator = logScale ? LogTicks(range) : new ScottPlot.TickGenerators.NumericAutomatic { TargetTickCount = 6 };
        plot.Axes.SetLimits(-0.2, panels * d + (panels - 1) * gap + 0.2, -k - 0.1, 0.2 + 0.07 * k);
        return plot;
    }

    /// <summary>log10 of the positive values [min(values)/..., max], at most four decades below the largest.</summary>
    private static ScottPlot.Range LogRange(double[,] means, double[,]? averages, ScottPlot.Range linear)
    {
        double top = Math.Log10(Math.Max(linear.Max, 1e-300)), low = top;
        foreach (var m in new[] { means, averages })
            if (m is not null)
                foreach (var v in m)
                    if (v > 0 && double.IsFinite(v)) low = Math.Min(low, Math.Log10(v));
        low = Math.Max(low, top - 4);
        return new ScottPlot.Range(low, low < top ? top : low + 1);
    }

    private static double[,] Log10(double[,] z, double floor)
    {
        var r = new double[z.GetLength(0), z.GetLength(1)];
        for (int i = 0; i < z.GetLength(0); i++)
            for (int j = 0; j < z.GetLength(1); j++)
                r[i, j] = double.IsFinite(z[i, j]) ? Math.Max(Math.Log10(Math.Max(z[i, j], 1e-300)), floor) : double.NaN;
        return r;
    }

    /// <summary>Colour bar ticks of a log10 scale at 1, 2 and 5 times the powers of ten, labelled with the values.</summary>
    private static ScottPlot.TickGenerators.NumericManual LogTicks(ScottPlot.Range range)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        bool sparse = range.Max - range.Min > 2.5;
        for (int e = (int)Math.Floor(range.Min); e <= (int)Math.Ceiling(range.Max); e++)
            foreach (var m in sparse ? new[] { 1.0 } : [1.0, 2, 5])
            {
                double at = e + Math.Log10(m);
                if (at >= range.Min - 1e-9 && at <= range.Max + 1e-9) ticks.AddMajor(at, PlotStyle.Short(m * Math.Pow(10, e)));
            }
        return ticks;
    }

    private static void Annotate(Plot plot, double[,] z, double[,] colours, double left, ScottPlot.Range range)
    {
        int k = z.GetLength(0), d = z.GetLength(1);
        for (int c = 0; c < k; c++)
            for (int j = 0; j < d; j++)
            {
                double v = z[c, j], colour = colours[c, j];
                var text = plot.Add.Text(double.IsFinite(v) ? Format(v) : "-", left + j + 0.5, -c - 0.5);
                text.LabelFontSize = 11;
                text.LabelAlignment = Alignment.MiddleCenter;
                // Viridis is dark at the low end: white text there, black at the bright end.
                bool dark = !double.IsFinite(v) || (colour - range.Min) / Math.Max(range.Max - range.Min, 1e-300) < 0.6;
                text.LabelFontColor = double.IsFinite(v) && dark ? Colors.White : Colors.Black;
            }
    }

    private static string Format(double v) =>
        v.ToString(Math.Abs(v) >= 100 ? "F0" : Math.Abs(v) >= 10 ? "F1" : "F2", CultureInfo.InvariantCulture);

    private static double[] Row(double[,] m, int c, int d)
    {
        var r = new double[d];
        for (int j = 0; j < d; j++) r[j] = m[c, j];
        return r;
    }

}
