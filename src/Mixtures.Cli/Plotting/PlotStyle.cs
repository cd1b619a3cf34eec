using ScottPlot;
using System.Globalization;

namespace Mixtures.Cli.Plotting;

/// <summary>Colours, sizes and common decorations shared by every picture.</summary>
internal static class PlotStyle
{
    public const int DefaultWidth = 900;
    public const int DefaultHeight = 650;

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>Pictures whose content sets their size (a grid of images): saved at it unless a size was asked for.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Plot, Tuple<int, int>> Natural = new();

    /// <summary>Records the size <paramref name="plot"/> fills exactly.</summary>
    public static void SetNaturalSize(Plot plot, int width, int height) => Natural.AddOrUpdate(plot, Tuple.Create(width, height));

    /// <summary>The size <paramref name="plot"/> fills exactly, or null when any size suits it.</summary>
    public static (int Width, int Height)? NaturalSize(Plot plot) => Natural.TryGetValue(plot, out var s) ? (s.Item1, s.Item2) : null;

    /// <summary>A sans-serif family that is installed (ScottPlot's default can fall back to a serif face).</summary>
    private static readonly Lazy<string> SansFont = new(() =>
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans" }
            .FirstOrDefault(f => SkiaSharp.SKFontManager.Default.MatchFamily(f) is not null) ?? Fonts.Sans);

    public static Color Component(int k) => Palette.GetColor(k);

    /// <summary>A plot with a title, axis labels, readable fonts and a legend.</summary>
    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(SansFont.Value);
        plot.Title(title, 18);
        plot.XLabel(xLabel, 15);
        plot.YLabel(yLabel, 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>Shows the legend in a corner, semi-transparent so data stays visible.</summary>
    public static void ShowLegend(Plot plot, Alignment corner = Alignment.UpperLeft)
    {
        plot.ShowLegend(corner);
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);
    }

    public static string Number(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Three significant digits: every number of a legend in one format ("0.356", "54.6", "1.23e+03").</summary>
    public static string Short(double v) =>
        v != 0 && (Math.Abs(v) >= 1e5 || Math.Abs(v) < 1e-3)
            ? v.ToString("0.00e+00", System.Globalization.CultureInfo.InvariantCulture)
            : v.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Gives every plot of a series the same data area on a <paramref name="width"/> x <paramref name="height"/>
    /// canvas (the largest margins any of them needs), so that frames with the same axis limits also put them at
    /// the same pixels, whatever their legends' widths. Returns that data area.
    /// </summary>
    public static PixelRect AlignDataAreas(IReadOnlyList<Plot> plots, int width, int height)
    {
        float left = 0, right = 0, top = 0, bottom = 0;
        foreach (var plot in plots)
        {
            using (plot.GetImage(width, height)) { }   // lays the plot out
            var r = plot.RenderManager.LastRender.DataRect;
            left = Math.Max(left, r.Left);
            right = Math.Max(right, width - r.Right);
            top = Math.Max(top, r.Top);
            bottom = Math.Max(bottom, height - r.Bottom);
        }
        foreach (var plot in plots) plot.Layout.Fixed(new PixelPadding(left, right, bottom, top));
        return new PixelRect(left, width - right, height - bottom, top);
    }

    /// <summary>
    /// The legend in its own panel right of the axes, so it never covers data, with line samples long enough
    /// to tell solid, dashed and dotted apart.
    /// </summary>
    public static void LegendOutside(Plot plot)
    {
        plot.Legend.SymbolWidth = 44;
        plot.Legend.BackgroundColor = Colors.White;
        plot.ShowLegend(Edge.Right);
    }

    /// <summary>
    /// Ticks at a round step (1, 2, 2.5 or 5 times a power of ten; about <paramref name="target"/> of them) over
    /// [<paramref name="min"/>, <paramref name="max"/>], every label with the same number of decimals ("1.5, 2.0, 2.5",
    /// never "1.5, 2, 2.5"). Returns the positions, for tests.
    /// </summary>
    public static double[] FixedTicks(IAxis axis, double min, double max, int target = 7, bool integers = false)
    {
        var (positions, labels) = Ticks(min, max, target, integers);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int i = 0; i < positions.Length; i++)
        {
            ticks.AddMajor(positions[i], labels[i]);
            if (i + 1 < positions.Length) ticks.AddMinor((positions[i] + positions[i + 1]) / 2);
        }
        axis.TickGenerator = ticks;
        return positions;
    }

    /// <summary>The tick positions and labels of <see cref="FixedTicks"/>; whole numbers only with <paramref name="integers"/> (iterations, K).</summary>
    public static (double[] Positions, string[] Labels) Ticks(double min, double max, int target = 7, bool integers = false)
    {
        if (!(max > min) || !double.IsFinite(max - min)) return ([min], [Number(min)]);
        double raw = (max - min) / Math.Max(target, 1);
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = 10 * mag;
        foreach (var m in new[] { 1, 2, 2.5, 5 })
            if (m * mag >= raw && !(integers && m == 2.5 && mag < 10)) { step = m * mag; break; }
        if (integers) step = Math.Max(step, 1);
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9) + (Math.Abs(step / mag - 2.5) < 1e-9 ? 1 : 0));
        var positions = new List<double>();
        for (long k = (long)Math.Ceiling(min / step - 1e-9); k * step <= max + step * 1e-9; k++) positions.Add(k * step);
        var format = "F" + Math.Min(decimals, 12);
        return ([.. positions], [.. positions.Select(p => (Math.Abs(p) < step * 1e-9 ? 0 : p).ToString(format, System.Globalization.CultureInfo.InvariantCulture))]);
    }
}
