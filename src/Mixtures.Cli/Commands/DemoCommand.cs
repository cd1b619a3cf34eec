using System.CommandLine;
using Mixtures.Cli.Families;
using Mixtures.Cli.Fitting;
using Mixtures.Cli.Io;
using Mixtures.Cli.Output;
using Mixtures.Cli.Plotting;
using Spectre.Console;

namespace Mixtures.Cli.Commands;

/// <summary>
/// <c>mixtures demo faithful</c>: the Old Faithful geyser data (embedded), K chosen by BIC over 1..6 full
/// covariances, the fit's summary, and faithful.png with contours.
/// </summary>
internal static class DemoCommand
{
    private const string Resource = "Mixtures.Cli.Data.faithful.csv";

    public static Command Create()
    {
        var name = new Argument<string>("DATASET") { Description = "The demo to run." }.AcceptOnlyFromAmong("faithful", "digits");
        var output = new Option<string?>("--output", "-o") { Description = "faithful demo: the picture to write (.png or .svg; default faithful.png). The digits demo writes into --output-dir." };
        var seed = new Option<int>("--seed") { Description = "Random seed of the k-means initialization.", DefaultValueFactory = _ => 0 };
        var size = new SizeOptions();
        var command = new Command("demo", "Run a worked example: 'mixtures demo faithful' or 'mixtures demo digits'.") { name, output, seed };
        size.AddTo(command);
        DemoDigitsCommand.AddOptionsTo(command);

        CommandRunner.SetBody(command, ctx =>
        {
            if (ctx.Get(name) == "digits") return DemoDigitsCommand.Run(ctx, ctx.Get(seed));
            var outPath = ctx.Get(output) ?? "faithful.png";
            PlotFile.Validate(outPath, "-o");
            var (width, height) = size.Get(ctx);
            var ds = LoadFaithful();
            var gaussian = FamilyRegistry.Gaussian;
            var ks = Enumerable.Range(1, 6).ToList();
            var variants = ModelSelector.Variants(gaussian, gaussian.Estimators(), new MixtureOptions { Seed = ctx.Get(seed), NInit = 1 },
                [CovarianceType.Full], ds);
            var entries = ModelSelector.Run(ds, ks, variants, ctx.Live, ctx.CancellationToken);
            var best = ModelSelector.Best(entries, "bic") ?? throw new CliException("every fit failed.", ExitCodes.FitFailed);
            var model = (GaussianMixtureModel)best.Model!;
            var title = $"Old Faithful: {model.Components}-component Gaussian mixture (chosen by BIC)";
            var plot = ClusterPlot.Create(MixtureView.FromModel(model), ds.Column(0), ds.Column(1), model.Predict(ds.X),
                "eruption duration (minutes)", "waiting time to next eruption (minutes)", title);
            ctx.CancellationToken.ThrowIfCancellationRequested();
            PlotFile.Save(ctx.Outputs, plot, outPath, width, height);
            ctx.Outputs.Commit();

            var report = FitReport.From(model, ds.FeatureNames, ds.X, null);
            if (ctx.Json)
            {
                JsonOut.Write(new { dataset = "faithful", plot = outPath, selection = SelectCommand.ToJson(entries, best, "bic", null, gaussian), fit = report });
            }
            else if (!ctx.Quiet)
            {
                AnsiConsole.MarkupLine("[bold]Old Faithful geyser[/]: 272 eruptions, duration (min) and waiting time to the next (min).");
                SelectCommand.PrintTable(entries, best, new SelectCommand.Display("bic", false), ks, variants.Select(v => v.Name).ToList(), gaussian);
                FitSummaryPrinter.Print(report);
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The embedded faithful.csv (eruptions, waiting).</summary>
    internal static DataSet LoadFaithful()
    {
        using var stream = typeof(DemoCommand).Assembly.GetManifestResourceStream(Resource)
            ?? throw new CliException("the embedded faithful.csv is missing from this build.", ExitCodes.FitFailed);
        using var text = new StreamReader(stream);
        return CsvTableReader.Read(text, "faithful.csv", ColumnSelection.All);
    }
}
