using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// Draws 8 x 8 digit images in a grid, each with a caption underneath: ink (1) black on white (0),
/// grey levels for probabilities in between.
/// </summary>
internal static class DigitGrid
{
    /// <summary>One picture of many images.</summary>
    /// <param name="images">Each image as <paramref name="side"/> x <paramref name="side"/> values in [0, 1], row-major.</param>
    /// <param name="captions">A caption under every image.</param>
    /// <param name="columns">Images per row of the grid.</param>
    /// <param name="side">Pixels per image side.</param>
    /// <param name="title">Title of the picture.</param>
    /// <param name="colorBarLabel">When given, a grey-scale colour bar with this label is drawn on the right.</param>
    public static Plot Create(IReadOnlyList<double[]?> images, IReadOnlyList<string> captions, int columns, int side, string title,
        string? colorBarLabel = null)
    {
        var plot = PlotStyle.NewPlot(title, "", "");
        int rows = (images.Count + columns - 1) / columns;
        const double gap = 1.5, captionSpace = 2.6;
        double cellW = side + gap, cellH = side + gap + captionSpace;
        ScottPlot.Plottables.Heatmap? last = null;
        for (int i = 0; i < images.Count; i++)
        {
            int r = i / columns, c = i % columns;
            double left = c * cellW, top = -r * cellH;
            if (images[i] is not { } image) continue; // an empty slot of the grid
            var z = new double[side, side];
            for (int y = 0; y < side; y++)
                for (int x = 0; x < side; x++) z[y, x] = image[y * side + x];
            var hm = plot.Add.Heatmap(z);
            last = hm;
            hm.Colormap = new ScottPlot.Colormaps.GrayscaleReversed();
            hm.ManualRange = new ScottPlot.Range(0, 1);
            // Cells are centred on the extent's edges: inset by half a pixel so the image fills [left, left + side].
            hm.Extent = new CoordinateRect(left + 0.5, left + side - 0.5, top - side + 0.5, top - 0.5);

            var frame = plot.Add.Rectangle(left, left + side, top - side, top);
            frame.FillStyle.Color = Colors.Transparent;
            frame.LineStyle.Color = Colors.Gray;
            frame.LineStyle.Width = 1;

            var text = plot.Add.Text(captions[i], left + side / 2.0, top - side - 0.4);
            text.LabelFontSize = 13;
            text.LabelAlignment = Alignment.UpperCenter;
            text.LabelFontColor = Colors.Black;
        }
        plot.HideGrid();
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left, plot.Axes.Right, plot.Axes.Top })
        {
            axis.TickLabelStyle.IsVisible = false;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Width = 0;
        }
        if (colorBarLabel is not null && last is not null)
        {
            var bar = plot.Add.ColorBar(last);
            bar.Axis.Label.Text = colorBarLabel;
            bar.Axis.Label.FontSize = 14;
            bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { TargetTickCount = 6 };
        }
        plot.Axes.SetLimits(-gap, columns * cellW, -rows * cellH, gap);
        plot.Axes.SquareUnits();
        return plot;
    }
}
