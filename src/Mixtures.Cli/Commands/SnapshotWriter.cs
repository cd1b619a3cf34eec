using Plot = ScottPlot.Plot;
using Mixtures.Cli.Families;
using Mixtures.Cli.Io;
using Mixtures.Cli.Plotting;

namespace Mixtures.Cli.Commands;

/// <summary>
/// <c>fit --snapshots DIR</c>: the fit after 0, 1, 2, 3, 4, 5, 6 and 20 EM iterations, each a refit from the
/// same start (same seed or --init) with MaxIterations = i and Tolerance = 0, so the pictures are deterministic.
/// Snapshot 0 is the start itself (<see cref="Estimator.Start"/>: the --init parameters, or the library's
/// <c>InitialModel</c>, the parameters Fit starts from with the same seed). The family's plotter draws the
/// series alike (one frame, or one colour scale), as <c>mixtures plot</c> draws that family.
/// </summary>
internal static class SnapshotWriter
{
    public static readonly int[] Iterations = [0, 1, 2, 3, 4, 5, 6, 20];

    /// <summary>One snapshot: the iteration and the mixture then (with the data's feature names).</summary>
    public sealed record Snapshot(int Iteration, IMixtureModel Model);

    /// <summary>Creates the directory (and missing parents) before the fit; a file on the way is refused.</summary>
    public static void PrepareDirectory(string dir)
    {
        if (File.Exists(dir)) throw new CliException($"--snapshots {dir}: is a file; give a directory.");
        OutputPath.EnsureDirectory(dir, $"--snapshots {dir}");
    }

    public static List<Snapshot> Compute(EstimatorFactory estimators, FitSpec spec, DataSet data, CancellationToken ct)
    {
        // One restart: every snapshot follows the run that starts at snapshot 0, whatever --n-init says.
        // The fit's own seed (always set by the CLI): the snapshots follow the fitted model's first restart.
        var start = spec with { Options = spec.Options with { NInit = 1 } };
        var list = new List<Snapshot>();
        foreach (int it in Iterations)
        {
            ct.ThrowIfCancellationRequested();
            var model = it == 0
                ? estimators(start, data).Start()
                : estimators(start with { Options = start.Options with { MaxIterations = it, Tolerance = 0 } }, data).Fit(null, ct);
            list.Add(new Snapshot(it, model.WithFeatureNames(data.FeatureNames)));
        }
        return list;
    }

    /// <summary>Writes iter_NN.png (drawn by <paramref name="plotter"/>) and iter_NN.json for every snapshot.</summary>
    public static void Write(OutputFiles outputs, IReadOnlyList<Snapshot> snapshots, FamilyPlotter plotter, string dir, DataSet data, string dataName)
    {
        Directory.CreateDirectory(dir);
        var titles = snapshots.Select(s => Title(dataName, s.Iteration, s.Model.LowerBound)).ToList();
        var plots = Draw(plotter, snapshots, data, titles);
        int i = 0;
        foreach (var plot in plots)
        {
            var stem = Path.Combine(dir, $"iter_{snapshots[i].Iteration:D2}");
            var (width, height) = PlotStyle.NaturalSize(plot) ?? (PlotStyle.DefaultWidth, PlotStyle.DefaultHeight);
            PlotFile.Save(outputs, plot, stem + ".png", width, height);
            // Checked as every output is: the tool makes the directory, but not its files.
            OutputPath.Require(stem + ".json");
            outputs.SaveModel(snapshots[i++].Model, stem + ".json");
        }
    }

    /// <summary>
    /// The series, each frame with the same axis limits (the plotter's) and, at the default size, the same data
    /// area in pixels, so that flipping through the frames shows EM moving and nothing else.
    /// </summary>
    public static List<Plot> Draw(FamilyPlotter plotter, IReadOnlyList<Snapshot> snapshots, DataSet data, IReadOnlyList<string> titles)
    {
        var plots = plotter.Series(snapshots.Select(s => s.Model).ToList(), data, titles).ToList();
        var sized = plots.Where(p => PlotStyle.NaturalSize(p) is null).ToList();
        if (sized.Count > 1) PlotStyle.AlignDataAreas(sized, PlotStyle.DefaultWidth, PlotStyle.DefaultHeight);
        return plots;
    }

    /// <summary>"EM on DATA: initial parameters" or "EM on DATA: after i iterations (lower bound L)".</summary>
    private static string Title(string dataName, int iteration, double lowerBound) => iteration == 0
        ? $"EM on {dataName}: initial parameters (iteration 0)"
        : $"EM on {dataName}: after {iteration} iteration{(iteration == 1 ? "" : "s")} (lower bound {lowerBound:F4})";
}
