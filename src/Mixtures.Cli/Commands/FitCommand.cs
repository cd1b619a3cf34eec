using System.CommandLine;
using Mixtures.Cli.Fitting;
using Mixtures.Cli.Io;
using Mixtures.Cli.Output;
using Mixtures.Cli.Plotting;
using Mixtures.Serialization;

namespace Mixtures.Cli.Commands;

/// <summary><c>mixtures fit DATA -k K ... -o MODEL.json</c>: fits a mixture of any family by EM and writes the model.</summary>
internal static class FitCommand
{
    public static Command Create()
    {
        var data = new Argument<string>("DATA") { Description = "Data file: CSV with a header row, or .npy (float64/float32)." };
        var k = new Option<int?>("-k", "--k", "--n-components") { Description = "Number of components K (default: from --init, else 1)." };
        var cov = CovarianceTypeOptions.One();
        var init = new Option<string?>("--init") { Description = "Initial parameters: JSON with weights, means, precisions (as a reference case's \"init\")." };
        var weights = new Option<string?>("--weights-column") { Description = "Column of non-negative per-row sample weights." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the model JSON." };
        var history = new Option<string?>("--history") { Description = "Draw the log-likelihood learning curve to this .png/.svg." };
        var snapshots = new Option<string?>("--snapshots") { Description = "Directory for pictures and models of the fit at iterations 0-6 and 20." };
        var set = new FitOptionSet();

        var command = new Command("fit", "Fit a mixture (Gaussian, Bernoulli or Poisson) by EM and write the model as JSON.") { data, k, cov };
        set.AddTo(command);
        foreach (var o in new Option[] { init, weights, output, history, snapshots }) command.Options.Add(o);

        CommandRunner.SetBody(command, ctx =>
        {
            var outPath = ctx.Get(output);
            if (outPath is not null) OutputPath.Require(outPath);
            var historyPath = ctx.Get(history);
            if (historyPath is not null) PlotFile.Validate(historyPath, "--history");
            if ((ctx.Parse.GetValue(set.Family) ?? "gaussian") != "gaussian")
                return FitOtherFamily(ctx, set, ctx.Get(data), ctx.Get(k), ctx.Get(init), ctx.Get(weights), outPath, historyPath, ctx.Get(snapshots));
            var snapDir = ctx.Get(snapshots);
            if (snapDir is not null) SnapshotWriter.PrepareDirectory(snapDir);

            var type = CovarianceTypeOptions.Parse(ctx.Get(cov));
            var options = set.BindCommon(ctx) with { CovarianceType = type };
            int? kk = ctx.Get(k);
            if (kk is < 1) throw new CliException($"-k {kk}: the number of components must be at least 1.");
            var dataPath = ctx.Get(data);
            var ds = DataLoader.Load(dataPath, new ColumnSelection(ColumnSelection.Parse(ctx.Get(set.Columns)), ctx.Get(weights)), ctx.CancellationToken);

            InitialParameters? initial = null;
            if (ctx.Get(init) is { } initPath)
            {
                initial = InitFileReader.Read(initPath, type, kk, ds.Columns);
                options = options with
                {
                    InitialWeights = initial.Weights,
                    InitialMeans = initial.Means,
                    InitialPrecisions = initial.Precisions,
                };
            }
            options = options with { Components = kk ?? initial?.Components ?? 1 };
            if (snapDir is not null) options = SnapshotWriter.WithSeed(options); // the fit and its snapshots start from the same place

            var title = $"K={options.Components} {CovarianceTypes.Name(type)} on {Path.GetFileName(dataPath)} ({ds.Rows} x {ds.Columns})";
            var model = (GaussianMixtureModel)FitRunner.Fit(options, ds, ctx.Live, title, ctx.CancellationToken, ctx.Get(init)).WithFeatureNames(ds.FeatureNames);

            var snapshotSet = snapDir is null ? null : SnapshotWriter.Compute(options, ds, initial, ctx.CancellationToken);
            ctx.CancellationToken.ThrowIfCancellationRequested();

            return WriteOutputs(ctx, model, ds, options.Tolerance, title, outPath, historyPath,
                snapshotSet is null ? null : () => SnapshotWriter.Write(snapshotSet, snapDir!, ds, Path.GetFileName(dataPath)));
        });
        return command;
    }

    /// <summary>--family bernoulli|poisson: the same flow and outputs, with --init giving weights and means only.</summary>
    private static int FitOtherFamily(CommandContext ctx, FitOptionSet set, string dataPath, int? kk, string? initPath,
        string? weightsColumn, string? outPath, string? historyPath, string? snapDir)
    {
        var settings = FamilySettings.Bind(ctx, set);
        string family = settings.Family;
        if (snapDir is not null) SnapshotWriter.PrepareDirectory(snapDir);
        if (kk is < 1) throw new CliException($"-k {kk}: the number of components must be at least 1.");
        var common = set.BindCommon(ctx);
        var ds = DataLoader.Load(dataPath, new ColumnSelection(ColumnSelection.Parse(ctx.Get(set.Columns)), weightsColumn), ctx.CancellationToken);
        var initial = initPath is null ? null : InitFileReader.Read(initPath, CovarianceType.Full, kk, ds.Columns, meansOnly: true);
        int components = kk ?? initial?.Components ?? 1;
        if (snapDir is not null) common = SnapshotWriter.WithSeed(common, initial); // the fit and its snapshots start from the same place

        var title = $"K={components} {family} on {Path.GetFileName(dataPath)} ({ds.Rows} x {ds.Columns})";
        var model = FitRunner.Fit(settings.Fitter(common, components, ds, initial), common.NInit, common.MaxIterations, ds, ctx.Live, title,
            ctx.CancellationToken, initPath);
        model = model.WithFeatureNames(ds.FeatureNames);
        var snapshotSet = snapDir is null ? null : SnapshotWriter.Compute(settings, common, components, ds, initial, ctx.CancellationToken);
        ctx.CancellationToken.ThrowIfCancellationRequested();

        return WriteOutputs(ctx, model, ds, common.Tolerance, title, outPath, historyPath,
            snapshotSet is null ? null : () => SnapshotWriter.Write(snapshotSet, snapDir!, ds, Path.GetFileName(dataPath)));
    }

    /// <summary>What every family's fit writes and prints: the model, the learning curve, the snapshots, the summary.</summary>
    private static int WriteOutputs(CommandContext ctx, IMixtureModel model, DataSet ds, double tolerance, string title,
        string? outPath, string? historyPath, Action? writeSnapshots)
    {
        if (outPath is not null) MixtureModelJson.Save(model, outPath);
        if (historyPath is not null)
        {
            var plot = HistoryPlot.Create(model.LowerBoundHistory, model.Converged, tolerance, $"EM learning curve: {title}");
            PlotFile.Save(plot, historyPath, PlotStyle.DefaultWidth, PlotStyle.DefaultHeight);
        }
        writeSnapshots?.Invoke();
        var report = FitReport.From(model, ds.FeatureNames, ds.X, outPath);
        if (ctx.Json) JsonOut.Write(report);
        else if (!ctx.Quiet) FitSummaryPrinter.Print(report);
        return ExitCodes.Success;
    }
}
