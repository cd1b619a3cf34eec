using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>Colours, sizes and common decorations shared by every picture.</summary>
internal static class PlotStyle
{
    public const int DefaultWidth = 900;
    public const int DefaultHeight = 650;

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

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
}
