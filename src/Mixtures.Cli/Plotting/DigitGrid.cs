using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// Draws square images (8 x 8 digits) in a grid: ink (1) black on white (0), grey levels for probabilities in
/// between, each with a caption underneath or each row with one label on its left, and optionally a grey scale
/// bar. The layout is computed in pixels first (<see cref="Measure"/>): at its natural size a picture is as large
/// as its tiles need, and fitted into a given size the tiles grow to fill it, so no canvas is left half empty.
/// </summary>
internal static class DigitGrid
{
    /// <summary>Space between tiles, in image pixels.</summary>
    private const double Gap = 1.5;
    private const float CaptionFont = 13, RowLabelFont = 14;
    private const int Margin = 16, TitleLine = 26, CaptionLine = 17, RowLabelWidth = 130, ColorBarWidth = 110;

    /// <summary>How a grid is drawn.</summary>
    /// <param name="ColorBarLabel">When given, a grey scale bar with this label on the right.</param>
    /// <param name="RowLabels">One label per row of the grid, on its left (then captions are usually empty).</param>
    /// <param name="TilePixels">Side of a tile at the natural size.</param>
    public sealed record Options(string? ColorBarLabel = null, IReadOnlyList<string>? RowLabels = null, double TilePixels = 120);

    /// <summary>The computed layout: the canvas, the side of every tile in pixels, and the padding around the tiles.</summary>
    public sealed record GridLayout(int Width, int Height, double TilePixels, int Rows, int Columns, PixelPadding Padding);

    /// <summary>The layout of <paramref name="count"/> images: at its natural size, or fitted into <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static GridLayout Measure(int count, int columns, int side, string title, IReadOnlyList<string> captions, Options options,
        int? width = null, int? height = null)
    {
        int rows = (count + columns - 1) / columns;
        int captionLines = captions.Count == 0 ? 0 : captions.Max(c => c.Length == 0 ? 0 : c.Split('\n').Length);
        double captionPx = captionLines == 0 ? 0 : captionLines * CaptionLine + 6;
        double labelPx = options.RowLabels is null ? 0 : RowLabelWidth;
        double left = Margin, right = options.ColorBarLabel is null ? Margin : ColorBarWidth, bottom = Margin;
        double top = title.Split('\n').Length * TitleLine + Margin;
        // A tile of side t takes t (1 + Gap/side) across and that plus its caption down; one more gap closes each side.
        double perTile = 1 + Gap / side, edge = Gap / side;
        double tile = options.TilePixels;
        if (width is { } w && height is { } h)
        {
            double across = (w - left - right - labelPx) / (columns * perTile + edge);
            double down = (h - top - bottom - rows * captionPx) / (rows * perTile + edge);
            tile = Math.Max(8, Math.Min(across, down));
        }
        double dataW = labelPx + columns * tile * perTile + tile * edge, dataH = rows * (tile * perTile + captionPx) + tile * edge;
        int canvasW = width ?? (int)Math.Ceiling(left + dataW + right), canvasH = height ?? (int)Math.Ceiling(top + dataH + bottom);
        // What a fixed canvas leaves over is shared out on both sides: the grid sits in the middle.
        double extraW = Math.Max(0, canvasW - left - dataW - right) / 2, extraH = Math.Max(0, canvasH - top - dataH - bottom) / 2;
        var padding = new PixelPadding((float)(left + extraW), (float)(right + extraW), (float)(bottom + extraH), (float)(top + extraH));
        return new GridLayout(canvasW, canvasH, tile, rows, columns, padding);
    }

    /// <summary>One picture of many images.</summary>
    /// <param name="images">Each image as <paramref name="side"/> x <paramref name="side"/> values in [0, 1], row-major; null leaves a slot empty.</param>
    /// <param name="captions">A caption under every image ("" for none).</param>
    /// <param name="columns">Images per row of the grid.</param>
    /// <param name="side">Pixels per image side.</param>
    /// <param name="title">Title of the picture.</param>
    /// <param name="options">Colour bar, row labels, tile size.</param>
    /// <param name="width">Fit into this canvas width (with <paramref name="height"/>); default the natural size.</param>
    /// <param name="height">Fit into this canvas height.</param>
    public static (Plot Plot, GridLayout Layout) Create(IReadOnlyList<double[]?> images, IReadOnlyList<string> captions, int columns, int side,
        string title, Options? options = null, int? width = null, int? height = null)
    {
        options ??= new Options();
        var layout = Measure(images.Count, columns, side, title, captions, options, width, height);
        double s = layout.TilePixels / side;   // screen pixels per image pixel
        int captionLines = captions.Count == 0 ? 0 : captions.Max(c => c.Length == 0 ? 0 : c.Split('\n').Length);
        double captionU = captionLines == 0 ? 0 : (captionLines * CaptionLine + 6) / s;
        double labelU = options.RowLabels is null ? 0 : RowLabelWidth / s;
        double cellW = side + Gap, cellH = side + Gap + captionU;

        var plot = PlotStyle.NewPlot(title, "", "");
        ScottPlot.Plottables.Heatmap? last = null;
        for (int i = 0; i < images.Count; i++)
        {
            int r = i / columns, c = i % columns;
            double left = c * cellW, top = -r * cellH;
            if (images[i] is not { } image) continue;
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

            if (captions[i].Length == 0) continue;
            var text = plot.Add.Text(captions[i], left + side / 2.0, top - side - 3 / s);
            text.LabelFontSize = CaptionFont;
            text.LabelAlignment = Alignment.UpperCenter;
            text.LabelFontColor = Colors.Black;
        }
        if (options.RowLabels is { } rowLabels)
        {
            for (int r = 0; r < rowLabels.Count; r++)
            {
                var text = plot.Add.Text(rowLabels[r], -Gap, -r * cellH - side / 2.0);
                text.LabelFontSize = RowLabelFont;
                text.LabelBold = true;
                text.LabelAlignment = Alignment.MiddleRight;
                text.LabelFontColor = Colors.Black;
            }
        }
        plot.HideGrid();
        foreach (var axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left, plot.Axes.Right, plot.Axes.Top })
        {
            axis.TickLabelStyle.IsVisible = false;
            axis.MajorTickStyle.Length = 0;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Width = 0;
            axis.Label.Text = "";
        }
        if (options.ColorBarLabel is not null && last is not null)
        {
            var bar = plot.Add.ColorBar(last);
            bar.Axis.Label.Text = options.ColorBarLabel;
            bar.Axis.Label.FontSize = 14;
            bar.Axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [0, 0.25, 0.5, 0.75, 1], ["0", "0.25", "0.5", "0.75", "1"]);
        }
        plot.Axes.SetLimits(-Gap - labelU, columns * cellW, -layout.Rows * cellH, Gap);
        plot.Layout.Fixed(layout.Padding);
        if (width is null) PlotStyle.SetNaturalSize(plot, layout.Width, layout.Height);
        return (plot, layout);
    }
}
