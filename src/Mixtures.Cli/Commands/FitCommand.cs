using System.CommandLine;
using Mixtures.Cli.Families;
using Mixtures.Cli.Fitting;
using Mixtures.Cli.Io;
using Mixtures.Cli.Output;
using Mixtures.Cli.Plotting;

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

        var families = FamilyRegistry.Sentence(FamilyRegistry.All.Select(f => f.DisplayName));
        var command = new Command("fit", $"Fit a mixture ({families}) by EM and write the model as JSON.") { data, k, cov };
        set.AddTo(command);
        foreach (var o in new Option[] { init, weights, output, history, snapshots }) command.Options.Add(o);

        CommandRunner.SetBody(command, ctx =>
        {
            var outPath = ctx.Get(output);
            if (outPath is not null) OutputPath.Require(outPath, "-o", allowStdout: true);
            if (outPath == OutputFiles.Stdout && ctx.Json) throw new CliException("-o - and --json both write to stdout; give -o a file name.");
            var historyPath = ctx.Get(history);
            if (historyPath is not null) PlotFile.Validate(historyPath, "--history");
            var family = set.FamilyOf(ctx);
            // fit has never looked at other families' flags with the default family (select refuses them with every family).
            if (family != FamilyRegistry.Default) FamilyRegistry.RefuseOtherFamiliesFlags(ctx, family);
            var estimators = family.Bind(ctx, set);
            var snapDir = ctx.Get(snapshots);
            if (snapDir is not null) SnapshotWriter.PrepareDirectory(snapDir);

            // A family without covariance types ignores --covariance-type, as it always has.
            CovarianceType? type = family.HasCovarianceTypes ? CovarianceTypeOptions.Parse(ctx.Get(cov)) : null;
            var options = set.BindCommon(ctx);
            int? kk = ctx.Get(k);
            if (kk is < 1) throw new CliException($"-k {kk}: the number of components must be at least 1.");
            var dataPath = ctx.Get(data);
            var ds = DataLoader.Load(dataPath, new ColumnSelection(ColumnSelection.Parse(ctx.Get(set.Columns)), ctx.Get(weights)), ctx.CancellationToken);

            var initPath = ctx.Get(init);
            var initial = initPath is null ? null : InitFileReader.Read(initPath, type, kk, ds.Columns);
            options = options with { Components = kk ?? initial?.Components ?? 1, InitialWeights = initial?.Weights, InitialMeans = initial?.Means };
            if (snapDir is not null) options = SnapshotWriter.WithSeed(options); // the fit and its snapshots start from the same place
            var spec = new FitSpec(options, type, initial);

            var title = $"K={options.Components} {family.VariantName(type)} on {Path.GetFileName(dataPath)} ({ds.Rows} x {ds.Columns})";
            var model = FitRunner.Fit(estimators(spec, ds).Fit, options.NInit, options.MaxIterations, ds, ctx.Live, title, ctx.CancellationToken, initPath)
                .WithFeatureNames(ds.FeatureNames);
            var snapshotSet = snapDir is null ? null : SnapshotWriter.Compute(estimators, spec, ds, ctx.CancellationToken);
            ctx.CancellationToken.ThrowIfCancellationRequested();

            return WriteOutputs(ctx, model, ds, options.Tolerance, title, outPath, historyPath,
                snapshotSet is null ? null : () => SnapshotWriter.Write(ctx.Outputs, snapshotSet, family.Plotter, snapDir!, ds, Path.GetFileName(dataPath)));
        });
        return command;
    }

    /// <summary>What every fit writes and prints: the model, the learning curve, the snapshots, the summary.</summary>
    private static int WriteOutputs(CommandContext ctx, IMixtureModel model, DataSet ds, double tolerance, string title,
        string? outPath, string? historyPath, Action? writeSnapshots)
    {
        // Every output is written to a temporary file first and all are renamed at the end: a failure on the
        // last one (a full disk under the picture) leaves the earlier files as they were.
        if (outPath is not null) ctx.Outputs.SaveModel(model, outPath);
        if (historyPath is not null)
        {
            var plot = HistoryPlot.Create(model.LowerBoundHistory, model.Converged, tolerance, $"EM learning curve: {title}");
            PlotFile.Save(ctx.Outputs, plot, historyPath, PlotStyle.DefaultWidth, PlotStyle.DefaultHeight);
        }
        writeSnapshots?.Invoke();
        ctx.Outputs.Commit();
        var report = FitReport.From(model, ds.FeatureNames, ds.X, outPath);
        if (ctx.Json) JsonOut.Write(report);
        else if (!ctx.Quiet && !ctx.Outputs.UsesStdout) FitSummaryPrinter.Print(report);   // stdout carries the model
        return ExitCodes.Success;
    }
}
