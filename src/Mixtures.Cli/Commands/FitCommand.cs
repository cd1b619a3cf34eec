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
        var data = new Argument<string>("DATA") { Description = "Data file: CSV with a header row, .npy (float64/float32), .parquet, .arrow or .feather; - reads CSV from stdin." };
        var k = new Option<int?>("-k", "--k", "--n-components") { Description = "Number of components K (-k, --k or --n-components; default: from --init or --init-labels, else 1)." };
        var cov = CovarianceTypeOptions.One();
        var init = new Option<string?>("--init") { Description = "Initial parameters: JSON with weights, means, precisions (as a reference case's \"init\")." };
        var initLabels = new Option<string?>("--init-labels")
        { Description = "Start from these labels: CSV with a header line and one integer label in 0..K-1 per data row, in data order." };
        var weights = new Option<string?>("--weights-column") { Description = "Column of non-negative per-row sample weights." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the model JSON." };
        var history = new Option<string?>("--history") { Description = "Draw the log-likelihood learning curve to this .png/.svg." };
        var snapshots = new Option<string?>("--snapshots") { Description = "Directory for pictures and models of the fit at iterations 0-6 and 20." };
        var outOfCore = new Option<bool>("--out-of-core") { Description = "Stream the data from the file every iteration instead of loading it (automatic when it would take more than half of the available memory)." };
        var tempDir = new Option<string?>("--temp-dir") { Description = "Directory for the temporary binary copy of a streamed CSV (default: next to the output)." };
        var cluster = new Option<string?>("--cluster") { Description = "Run the EM passes on workers ('mixtures worker'): HOST:GATEWAY[,HOST:GATEWAY...]. Same model as a local fit." };
        var set = new FitOptionSet { ForFit = true };
        var online = new OnlineFitFlags();

        var families = FamilyRegistry.Sentence(FamilyRegistry.All.Select(f => f.DisplayName));
        var command = new Command("fit", $"Fit a mixture ({families}) by EM and write the model as JSON.") { data, k, cov };
        set.AddTo(command);
        foreach (var o in new Option[] { init, initLabels, weights, output, history, snapshots, outOfCore, tempDir, cluster }.Concat(online.All)) command.Options.Add(o);

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
            set.RequireGaussianFlags(ctx, family);
            var estimators = family.Bind(ctx, set);
            var snapDir = ctx.Get(snapshots);
            var onlineOptions = online.Bind(ctx, family, set, ctx.Get(initLabels) is not null, snapDir is not null);
            if (snapDir is not null) SnapshotWriter.PrepareDirectory(snapDir);

            // A family without covariance types ignores --covariance-type, as it always has.
            CovarianceType? type = family.HasCovarianceTypes ? CovarianceTypeOptions.Parse(ctx.Get(cov)) : null;
            var options = set.BindCommon(ctx);
            int? kk = ctx.Get(k);
            if (kk is < 1) throw new CliException($"-k {kk}: the number of components must be at least 1.");
            var dataPath = ctx.Get(data);
            var selection = new ColumnSelection(ColumnSelection.Parse(ctx.Get(set.Columns)), ctx.Get(weights));
            bool stream = DataLoader.ShouldStream(dataPath, selection, ctx.Get(outOfCore), ctx.Quiet);
            if (stream && snapDir is not null) throw new CliException("--snapshots draws the data and needs it in memory; it cannot be used with streamed data (--out-of-core).");
            var ds = stream
                ? DataLoader.Open(dataPath, selection, DataLoader.TempDirectory(ctx.Get(tempDir), outPath), ctx.CancellationToken, manyPasses: onlineOptions is not { Passes: 1 })
                : DataLoader.Load(dataPath, selection, ctx.CancellationToken);

            var initPath = ctx.Get(init);
            var labelsPath = ctx.Get(initLabels);
            if (initPath is not null && labelsPath is not null) throw new CliException("--init and --init-labels both say where the fit starts: give one.");
            var initial = initPath is null ? null : InitFileReader.Read(initPath, type, kk, ds.Columns);
            var labels = labelsPath is null ? null : InitLabelsReader.Read(labelsPath, ds.Rows, kk);
            options = options with
            {
                Components = kk ?? initial?.Components ?? (labels is null ? 1 : labels.Max() + 1),
                InitialWeights = initial?.Weights,
                InitialMeans = initial?.Means,
                InitialLabels = labels,
            };
            var spec = new FitSpec(options, type, initial);

            var title = $"K={options.Components} {family.VariantName(type)} on {Path.GetFileName(dataPath)} ({ds.Rows} x {ds.Columns})";
            var fit = onlineOptions is null ? estimators(spec, ds).Fit : OnlineFitFlags.Fit(spec, ds, ctx.Get(set.RegCovar), onlineOptions);
            var clusterAt = ctx.Get(cluster);
            if (clusterAt is not null && onlineOptions is not null)
                throw new CliException("--online reads the stream once in this process; it does not combine with --cluster.");
            var clusterData = clusterAt is null ? null : ClusterFitRunner.Data(dataPath, selection);
            IMixtureModel Run(bool live) => FitRunner.Fit(fit, options.NInit, options.MaxIterations, ds, live, title, ctx.CancellationToken, initPath);
            var (fitted, clusterReport) = clusterData is null ? (Run(ctx.Live), null)
                : ClusterFitRunner.Fit(clusterAt!, clusterData, () => Run(false), !ctx.Quiet, ctx.CancellationToken);
            var model = fitted.WithFeatureNames(ds.FeatureNames);
            var snapshotSet = snapDir is null ? null : SnapshotWriter.Compute(estimators, spec, ds, ctx.CancellationToken);
            ctx.CancellationToken.ThrowIfCancellationRequested();

            return WriteOutputs(ctx, model, ds, options.Tolerance, title, outPath, historyPath,
                snapshotSet is null ? null : () => SnapshotWriter.Write(ctx.Outputs, snapshotSet, family.Plotter, snapDir!, ds, Path.GetFileName(dataPath)), clusterReport);
        });
        return command;
    }

    /// <summary>What every fit writes and prints: the model, the learning curve, the snapshots, the summary.</summary>
    private static int WriteOutputs(CommandContext ctx, IMixtureModel model, DataSet ds, double tolerance, string title,
        string? outPath, string? historyPath, Action? writeSnapshots, Distributed.ClusterFitReport? cluster = null)
    {
        // Every output is written to a temporary file first and all are renamed at the end: a failure on the
        // last one (a full disk under the picture) leaves the earlier files as they were.
        if (outPath is not null) ctx.Outputs.SaveModel(model, outPath);
        if (historyPath is not null)
        {
            // EM's bound of iteration t predates its update, so the first is the initial parameters'; the variational one follows it.
            var plot = HistoryPlot.Create(model.LowerBoundHistory, model is not BayesianGaussianMixtureModel, model.Converged, tolerance, $"EM learning curve: {title}");
            PlotFile.Save(ctx.Outputs, plot, historyPath, PlotStyle.DefaultWidth, PlotStyle.DefaultHeight);
        }
        writeSnapshots?.Invoke();
        ctx.Outputs.Commit();
        var report = FitReport.From(model, ds, outPath) with { Cluster = cluster };
        if (ctx.Json) JsonOut.Write(report);
        else if (!ctx.Quiet && !ctx.Outputs.UsesStdout) FitSummaryPrinter.Print(report);   // stdout carries the model
        return ExitCodes.Success;
    }
}
