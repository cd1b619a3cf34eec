using System.Xml.Linq;
using SkiaSharp;
using Xunit;

namespace Mixtures.Cli.Tests.Infrastructure;

/// <summary>Checks that a picture is a valid PNG or SVG of the requested size with real content.</summary>
public static class ImageAssert
{
    /// <summary>The width and height of a PNG, for pictures whose content sets their size.</summary>
    public static (int Width, int Height) PngSize(string path)
    {
        using var bitmap = SKBitmap.Decode(File.ReadAllBytes(path));
        Assert.NotNull(bitmap);
        return (bitmap.Width, bitmap.Height);
    }

    public static void Png(string path, int width, int height)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 8 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG signature");
        using var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);

        // Real content: many colours and a fair share of pixels that are not background white.
        var colours = new HashSet<uint>();
        int inked = 0, total = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                colours.Add((uint)c);
                total++;
                if (c.Red < 235 || c.Green < 235 || c.Blue < 235) inked++;
            }
        Assert.True(colours.Count > 20, $"only {colours.Count} colours: the picture looks blank");
        Assert.True(inked > total / 50, $"only {inked} of {total} sampled pixels are not white: the picture looks blank");
    }

    public static XDocument Svg(string path, int width, int height, params string[] texts)
    {
        var doc = XDocument.Load(path);
        var root = doc.Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal(width, (int)double.Parse(root.Attribute("width")!.Value.Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(height, (int)double.Parse(root.Attribute("height")!.Value.Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(root.Descendants().Count() > 50, "the SVG has almost no elements");
        var content = File.ReadAllText(path);
        foreach (var t in texts) Assert.Contains(t, content);
        return doc;
    }
}
