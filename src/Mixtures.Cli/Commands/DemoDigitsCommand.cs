using System.CommandLine;
using System.Globalization;
using Mixtures.Cli.Io;
using Mixtures.Cli.Output;
using Mixtures.Cli.Plotting;
using Spectre.Console;

namespace Mixtures.Cli.Commands;

/// <summary>
/// <c>mixtures demo digits</c>: the 1797 handwritten 8 x 8 digits (embedded), binarized; a 10-component
/// Bernoulli mixture and its cluster purity against the true digits; K chosen by BIC; a per-class
/// mixture classifier on a seeded 80/20 split; digits-means.png and digits-samples.png.
/// </summary>
internal static class DemoDigitsCommand
{
    /// <summary>Directory for the two pictures.</summary>
    public static readonly Option<string> OutputDir = new("--output-dir")
    { Description = "digits demo: directory for digits-means.png and digits-samples.png.", DefaultValueFactory = _ => "." };

    /// <summary>The binarization threshold of the pixels (0..16).</summary>
    public static readonly Option<double> Binarize = new("--binarize")
    { Description = "digits demo: pixels >= this become 1 (ink), others 0.", DefaultValueFactory = _ => 8.0 };

    /// <summary>Tile sides: the component means large enough to read their grey levels, the black-and-white draws smaller.</summary>
    public const double MeansTilePixels = 128, SamplesTilePixels = 76;

    public static void AddOptionsTo(Command command)
    {
        command.Options.Add(OutputDir);
        command.Options.Add(Binarize);
    }

    public static int Run(CommandContext ctx, int seed)
    {
        var dir = ctx.Get(OutputDir);
        if (File.Exists(dir)) throw new CliException($"--output-dir {dir}: is a file; give a directory.");
        OutputPath.EnsureDirectory(dir, $"--output-dir {dir}");
        double threshold = ctx.Get(Binarize);
        if (!double.IsFinite(threshold)) throw new CliException("--binarize must be a finite number.");
        string meansPath = Path.Combine(dir, "digits-means.png"), samplesPath = Path.Combine(dir, "digits-samples.png");

        var data = DemoDigitsData.Load();
        var a = DemoDigitsAnalysis.Run(data, threshold, seed, ctx.CancellationToken);
        ctx.CancellationToken.ThrowIfCancellationRequested();
        SavePictures(ctx.Outputs, a, seed, meansPath, samplesPath);
        ctx.Outputs.Commit();

        if (ctx.Json)
        {
            JsonOut.Write(new
            {
                dataset = "digits",
                n_samples = data.Rows,
                binarize = threshold,
                clustering = new
                {
                    n_components = a.Clusters.Components,
                    purity = a.Purity,
                    weights = a.Clusters.Weights,
                    majority_digit = a.ClusterMajority,
                    lower_bound = a.Clusters.LowerBound,
                    bic = a.Clusters.TrainingBic,
                    converged = a.Clusters.Converged,
                    n_iter = a.Clusters.Iterations,
                },
                bic = new { chosen_k = a.BicK, curve = a.BicCurve.Select(e => new { k = e.K, bic = e.Bic }).ToArray() },
                classifier = new
                {
                    components_per_class = DemoDigitsAnalysis.ClassK,
                    train_rows = a.TrainRows,
                    test_rows = a.TestRows,
                    accuracy = a.Accuracy,
                },
                pictures = new[] { meansPath, samplesPath },
            });
        }
        else if (!ctx.Quiet)
        {
            Print(a, data, threshold, meansPath, samplesPath);
        }
        return ExitCodes.Success;
    }

    private static void SavePictures(Io.OutputFiles outputs, DemoDigitsAnalysis a, int seed, string meansPath, string samplesPath)
    {
        var m = a.Clusters;
        int k = m.Components, d = m.Features, side = DemoDigitsData.Side;
        var means = m.Means;
        var weights = m.Weights;
        var order = Enumerable.Range(0, k).OrderBy(c => a.ClusterMajority[c]).ThenByDescending(c => weights[c]).ToArray();
        var images = order.Select(c => Enumerable.Range(0, d).Select(j => means[c, j]).ToArray()).ToList();
        // Numbered as in digits-samples.png and the table: "comp 4" is the same component in all three.
        var captions = order.Select(c => string.Create(CultureInfo.InvariantCulture, $"comp {c}: mostly {a.ClusterMajority[c]}\nw = {weights[c]:F3}")).ToList();
        var (meansPlot, meansLayout) = DigitGrid.Create(images, captions, 5, side,
            string.Create(CultureInfo.InvariantCulture, $"Bernoulli mixture, K = {k}: component means P(ink) (purity {100 * a.Purity:F1}%)"),
            new DigitGrid.Options(ColorBarLabel: "P(ink)", TilePixels: MeansTilePixels));
        PlotFile.Save(outputs, meansPlot, meansPath, meansLayout.Width, meansLayout.Height);

        // One row per component (in the order of the means picture): draws from that component alone.
        const int perComponent = 8;
        var drawn = new List<double[]?>();
        var rowLabels = new List<string>();
        foreach (int c in order)
        {
            var mean = new double[1, d];
            for (int j = 0; j < d; j++) mean[0, j] = means[c, j];
            var sample = BernoulliMixtureModel.FromParameters([1.0], mean).Sample(perComponent, seed + c);
            for (int i = 0; i < perComponent; i++) drawn.Add(Enumerable.Range(0, d).Select(j => sample.Points[i, j]).ToArray());
            rowLabels.Add(string.Create(CultureInfo.InvariantCulture, $"comp {c} (\"{a.ClusterMajority[c]}\")"));
        }
        var (samplesPlot, samplesLayout) = DigitGrid.Create(drawn, [.. drawn.Select(_ => "")], perComponent, side,
            $"Digits generated by the {k}-component Bernoulli mixture:\n{perComponent} draws per component, one row each",
            new DigitGrid.Options(RowLabels: rowLabels, TilePixels: SamplesTilePixels));
        PlotFile.Save(outputs, samplesPlot, samplesPath, samplesLayout.Width, samplesLayout.Height);
    }

    private static void Print(DemoDigitsAnalysis a, DemoDigitsData data, double threshold, string meansPath, string samplesPath)
    {
        static string F(double v, string f) => v.ToString(f, CultureInfo.InvariantCulture);
        AnsiConsole.MarkupLine($"[bold]Handwritten digits[/]: {data.Rows} images of 8 x 8 pixels (0..16), binarized at {F(threshold, "G")} (pixel >= {F(threshold, "G")} is ink).");
        AnsiConsole.WriteLine();

        var clusters = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{a.Clusters.Components}-component Bernoulli mixture (no labels used)[/]");
        clusters.AddColumn("component");
        clusters.AddColumn(new TableColumn("weight").RightAligned());
        clusters.AddColumn(new TableColumn("images").RightAligned());
        clusters.AddColumn(new TableColumn("most common digit").RightAligned());
        for (int c = 0; c < a.Clusters.Components; c++)
            clusters.AddRow(c.ToString(CultureInfo.InvariantCulture), F(a.Clusters.Weights[c], "F3"),
                a.ClusterLabels.Count(l => l == c).ToString(CultureInfo.InvariantCulture), a.ClusterMajority[c].ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(clusters);
        AnsiConsole.MarkupLine($"cluster purity against the true digits: [bold]{F(a.Purity, "P1")}[/] (lower bound {F(a.Clusters.LowerBound, "F4")}, {a.Clusters.Iterations} iterations, best of 10 restarts)");
        AnsiConsole.WriteLine();

        var bic = new Table().Border(TableBorder.Rounded).Title("[bold]choosing K by BIC (lower is better)[/]");
        bic.AddColumn(new TableColumn("K").RightAligned());
        bic.AddColumn(new TableColumn("BIC").RightAligned());
        foreach (var (k, b) in a.BicCurve)
            bic.AddRow(k == a.BicK ? $"[bold green]{k}[/]" : k.ToString(CultureInfo.InvariantCulture),
                k == a.BicK ? $"[bold green]{F(b, "F1")}[/]" : F(b, "F1"));
        AnsiConsole.Write(bic);
        AnsiConsole.MarkupLine($"BIC chooses [bold]K = {a.BicK}[/] (of {DemoDigitsAnalysis.MinK}..{DemoDigitsAnalysis.MaxK}): more clusters than digits, as styles of writing differ.");
        AnsiConsole.WriteLine();

        var confusion = new Table().Border(TableBorder.Rounded).Title("[bold]classifier on the test set: true digit (rows) by predicted (columns)[/]");
        confusion.AddColumn("");
        for (int l = 0; l < 10; l++) confusion.AddColumn(new TableColumn(l.ToString(CultureInfo.InvariantCulture)).RightAligned());
        for (int t = 0; t < 10; t++)
        {
            var cells = new List<string> { t.ToString(CultureInfo.InvariantCulture) };
            for (int p = 0; p < 10; p++)
            {
                int n = a.Confusion[t, p];
                cells.Add(n == 0 ? "[grey].[/]" : t == p ? $"[green]{n}[/]" : $"[red]{n}[/]");
            }
            confusion.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(confusion);
        AnsiConsole.MarkupLine($"mixture classifier ({DemoDigitsAnalysis.ClassK} Bernoulli components per digit, Bayes rule with class priors), trained on {a.TrainRows} images, " +
                               $"test accuracy on the other {a.TestRows}: [bold]{F(a.Accuracy, "P1")}[/]");
    }
}
