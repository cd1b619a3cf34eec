using System.CommandLine;
using Mixtures.Cli.Families;
using Mixtures.Cli.Io;
using Mixtures.Cli.Output;
using Mixtures.Cli.Plotting;

namespace Mixtures.Cli.Commands;

/// <summary><c>mixtures plot MODEL.json [DATA] -o FILE [--x COL --y COL]</c>: draws a model, as its family's plotter does.</summary>
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
        var weights = new Option<string?>("--weights")
        { Description = "Also draw the component weights as a bar chart to this .png/.svg (switched-off components, weight < 1e-3, in grey)." };
        var contours = new Option<bool>("--contours") { Description = "Gaussian, two features: also draw contours of the mixture density (off by default; the ellipses show the components)." };
        var uncertainty = new Option<bool>("--uncertainty")
        { Description = "Gaussian, two features: size each point by its classification uncertainty, 1 - its largest responsibility." };
        var logScale = new Option<bool>("--log-scale") { Description = "Poisson: colour the rates on a logarithmic scale." };
        var command = new Command("plot",
            "Draw a model: Gaussian over data (points by component, sigma ellipses; density contours with --contours); " +
            "bernoulli/poisson: the parameters per component (images or a heatmap), beside the data's per-component averages.")
        { model, data, output, x, y, title, columns, weights, contours, uncertainty, logScale };
        size.AddTo(command);

        CommandRunner.SetBody(command, ctx =>
        {
            var outPath = ctx.Get(output);
            PlotFile.Validate(outPath, "-o");
            var weightsPath = ctx.Get(weights);
            if (weightsPath is not null) PlotFile.Validate(weightsPath, "--weights");
            var (width, height) = size.Get(ctx);
            var m = ModelLoader.Load(ctx.Get(model));
            var request = new PlotRequest(ctx.Get(data), ColumnSelection.Parse(ctx.Get(columns)), ctx.Get(x), ctx.Get(y), ctx.Get(title),
                ctx.CancellationToken)
            { Contours = ctx.Get(contours), Uncertainty = ctx.Get(uncertainty), LogScale = ctx.Get(logScale), Size = size.Given(ctx) ? (width, height) : null };
            var picture = Interruptible.Run(() => FamilyRegistry.Of(m).Plotter.Draw(m, request), ctx.CancellationToken);
            // A grid of images has a natural size, taken unless --width/--height was given.
            if (!size.Given(ctx) && PlotStyle.NaturalSize(picture.Plot) is { } natural) (width, height) = natural;
            PlotFile.Save(ctx.Outputs, picture.Plot, outPath, width, height, picture.Details);
            if (weightsPath is not null)
                PlotFile.Save(ctx.Outputs, WeightsPlot.Create(m.Weights, $"Component weights: {FamilyRegistry.Of(m).Title(m, null)}"), weightsPath, width, height,
                    ", component weights");
            ctx.Outputs.Commit();
            if (ctx.Json) JsonOut.Write(WithWeights(picture.Json(outPath, width, height), weightsPath));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The plotter's --json report, with <c>weights_output</c> added when --weights was drawn.</summary>
    private static object WithWeights(object report, string? weightsPath)
    {
        if (weightsPath is null) return report;
        var node = System.Text.Json.JsonSerializer.SerializeToNode(report)!.AsObject();
        // JsonOut leaves nulls out of its reports; a node keeps them, so they are removed here to match.
        foreach (var key in node.Where(p => p.Value is null).Select(p => p.Key).ToList()) node.Remove(key);
        node["weights_output"] = weightsPath;
        return node;
    }
}
