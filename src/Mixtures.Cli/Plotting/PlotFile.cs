using ScottPlot;
using Mixtures.Cli.Io;

namespace Mixtures.Cli.Plotting;

/// <summary>Saves a plot as PNG or SVG by the file's extension, atomically.</summary>
internal static class PlotFile
{
    /// <summary>Checks the path before any work: a known extension and an existing directory.</summary>
    public static void Validate(string path, string option)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".png" or ".svg"))
            throw new CliException($"{option} {path}: the picture format is chosen by extension; use .png or .svg.");
        OutputPath.Require(path, option);
    }

    public static void ValidateSize(int width, int height)
    {
        if (width is < 100 or > 10000 || height is < 100 or > 10000)
            throw new CliException($"--width/--height {width}x{height}: each must be between 100 and 10000 pixels.");
    }

    /// <summary>A picture of several panels (<see cref="Save(OutputFiles, Plot, string, int, int, string)"/> for one).</summary>
    public static void Save(OutputFiles outputs, Multiplot picture, string path, int width, int height)
    {
        Validate(path, "-o");
        bool svg = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase);
        outputs.StageThroughPath(path, temp =>
        {
            if (!svg)
            {
                picture.SavePng(temp, width, height);
                return;
            }
            using var stream = File.Create(temp);
            using (var canvas = SkiaSharp.SKSvgCanvas.Create(new SkiaSharp.SKRect(0, 0, width, height), stream))
            {
                canvas.Clear(SkiaSharp.SKColors.White);   // an SVG canvas starts black
                picture.Render(canvas, new PixelRect(0, width, height, 0));
            }
        }, $"{width} x {height}");
    }

    /// <summary>Staged with the command's other outputs: renamed into place when they are all written; listed as "PATH (W x H<paramref name="details"/>)".</summary>
    public static void Save(OutputFiles outputs, Plot plot, string path, int width, int height, string details = "")
    {
        Validate(path, "-o");
        bool svg = Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase);
        outputs.StageThroughPath(path, temp =>
        {
            if (svg) plot.SaveSvg(temp, width, height);
            else plot.SavePng(temp, width, height);
        }, $"{width} x {height}{details}");
    }
}
