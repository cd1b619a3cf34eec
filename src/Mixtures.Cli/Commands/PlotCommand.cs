using System.CommandLine;
using Mixtures.Cli.Io;
using Mixtures.Cli.Output;
using Mixtures.Cli.Plotting;

namespace Mixtures.Cli.Commands;

/// <summary><c>mixtures plot MODEL.json DATA -o FILE [--x COL --y COL]</c>: draws a model over its data.</summary>
internal static class PlotCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "Model JSON written by 'mixtures fit'." };
        var data = new Argument<string?>("DATA")
        {
            Description = "Data file (CSV or .npy) with the model's features (optional for bernoulli and poisson models).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string>("--output", "-o") { Description = "Picture to write: .png or .svg.", Required = true };
        var x = new Option<string?>("--x") { Description = "Column on the horizontal axis (name or index; default: the first)." };
        var y = new Option<string?>("--y") { Description = "Column on the vertical axis (default: the second)." };
        var size = new SizeOptions();
        var title = new Option<string?>("--title") { Description = "Title of the picture." };
        var columns = FitOptionSet.ColumnsOption();
        var command = new Command("plot",
            "Draw a model: Gaussian over data (points by component, sigma ellipses, density contours); " +
            "bernoulli/poisson: the parameters per component (images or a heatmap), beside the data's per-component averages.")
        { model, data, output, x, y, title, columns };
        size.AddTo(command);

        CommandRunner.SetBody(command, ctx =>
        {
            var outPath = ctx.Get(output);
            PlotFile.Validate(outPath, "-o");
            var (width, height) = size.Get(ctx);
            var m = ModelLoader.Load(ctx.Get(model));
            var dataPath = ctx.Get(data);
            if (m is not GaussianMixtureModel)
                return PlotParameters(ctx, m, dataPath, outPath, width, height, ctx.Get(title), ctx.Get(columns), ctx.Get(x) ?? ctx.Get(y));
            if (dataPath is null) throw new CliException("DATA is required to plot a Gaussian mixture (the points are drawn under it).");
            var ds = DataLoader.LoadFor(m, dataPath, ColumnSelection.Parse(ctx.Get(columns)), ctx.CancellationToken);
            var (ix, iy) = ModelPlot.Axes(ds, ctx.Get(x), ctx.Get(y));
            var view = MixtureView.FromModel(m);
            var plot = ModelPlot.Create(view, ds, m.Predict(ds.X), ix, iy, ctx.Get(title) ?? ParameterPlot.Title(m, Path.GetFileName(dataPath)));
            ctx.CancellationToken.ThrowIfCancellationRequested();
            PlotFile.Save(plot, outPath, width, height);
            if (ctx.Json) JsonOut.Write(new { output = outPath, width, height, x = ds.FeatureNames[ix], y = ds.Columns > 1 ? ds.FeatureNames[iy] : null });
            else if (!ctx.Quiet) Console.Out.WriteLine($"wrote {outPath} ({width} x {height})");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Bernoulli and Poisson models: the parameters per component, with the data's averages when DATA is given.</summary>
    private static int PlotParameters(CommandContext ctx, IMixtureModel m, string? dataPath, string outPath, int width, int height,
        string? title, string[]? columns, string? axis)
    {
        if (axis is not null)
            throw new CliException($"--x/--y apply to Gaussian models; a {m.Family} model is drawn as its parameters over all features.");
        DataSet? ds = null;
        int[]? labels = null;
        if (dataPath is not null)
        {
            ds = DataLoader.LoadFor(m, dataPath, ColumnSelection.Parse(columns), ctx.CancellationToken);
            try
            {
                labels = m.Predict(ds.X);
            }
            catch (ArgumentException e)
            {
                throw Fitting.DataMessages.Locate(e, ds);
            }
        }
        var plot = ParameterPlot.Create(m, ds, labels, title ?? ParameterPlot.Title(m, dataPath is null ? null : Path.GetFileName(dataPath)));
        ctx.CancellationToken.ThrowIfCancellationRequested();
        PlotFile.Save(plot, outPath, width, height);
        string layout = m.Family == "bernoulli" && ParameterPlot.ImageSide(m.Features) > 0 ? "images" : "heatmap";
        if (ctx.Json) JsonOut.Write(new { output = outPath, width, height, family = m.Family, layout, data = dataPath });
        else if (!ctx.Quiet) Console.Out.WriteLine($"wrote {outPath} ({width} x {height}, {m.Family} parameters as {layout})");
        return ExitCodes.Success;
    }
}
