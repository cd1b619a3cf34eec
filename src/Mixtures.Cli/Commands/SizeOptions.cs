using System.CommandLine;
using Mixtures.Cli.Plotting;

namespace Mixtures.Cli.Commands;

/// <summary>--width and --height of a picture, in pixels.</summary>
internal sealed class SizeOptions
{
    public Option<int> Width { get; } = new("--width") { Description = "Picture width in pixels.", DefaultValueFactory = _ => PlotStyle.DefaultWidth };

    public Option<int> Height { get; } = new("--height") { Description = "Picture height in pixels.", DefaultValueFactory = _ => PlotStyle.DefaultHeight };

    public void AddTo(Command command)
    {
        command.Options.Add(Width);
        command.Options.Add(Height);
    }

    /// <summary>Whether --width or --height was given (otherwise a picture with a natural size, a grid of images, takes it).</summary>
    public bool Given(CommandContext ctx) =>
        ctx.Parse.GetResult(Width) is { Implicit: false } || ctx.Parse.GetResult(Height) is { Implicit: false };

    public (int Width, int Height) Get(CommandContext ctx)
    {
        int w = ctx.Get(Width), h = ctx.Get(Height);
        PlotFile.ValidateSize(w, h);
        return (w, h);
    }
}
