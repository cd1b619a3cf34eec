using Mixtures.Cli.Io;
using Mixtures.Cli.Plotting;
using Mixtures.Serialization;

namespace Mixtures.Cli.Commands;

/// <summary>
/// <c>fit --snapshots DIR</c>: the fit after 0, 1, 2, 3, 4, 5, 6 and 20 EM iterations, each a refit from the
/// same start (same seed or --init) with MaxIterations = i and Tolerance = 0, so the pictures are deterministic.
/// Snapshot 0 is the start itself: the --init parameters, or the library's <see cref="GaussianMixture.InitialModel"/>
/// (the parameters Fit starts from with the same seed).
/// </summary>
internal static class SnapshotWriter
{
    public static readonly int[] Iterations = [0, 1, 2, 3, 4, 5, 6, 20];

    /// <summary>One snapshot: the iteration, the mixture then, and it as a model.</summary>
    public sealed record Snapshot(int Iteration, MixtureView View, GaussianMixtureModel Model);

    public static void PrepareDirectory(string dir)
    {
        if (File.Exists(dir)) throw new CliException($"--snapshots {dir}: is a file; give a directory.");
        var parent = Path.GetDirectoryName(Path.GetFullPath(dir));
        if (parent is not null && !Directory.Exists(parent))
            throw new CliException($"--snapshots {dir}: the parent directory '{parent}' does not exist.");
    }

    /// <summary>A fixed seed for a fit with snapshots: the given one, else 0 (without --init the start depends on it).</summary>
    public static GaussianMixtureOptions WithSeed(GaussianMixtureOptions options) =>
        options.Seed is null && options.InitialMeans is null ? options with { Seed = 0 } : options;

    public static List<Snapshot> Compute(GaussianMixtureOptions options, DataSet data, InitialParameters? initial, CancellationToken ct)
    {
        options = WithSeed(options);
        var list = new List<Snapshot>();
        foreach (int it in Iterations)
        {
            ct.ThrowIfCancellationRequested();
            if (it == 0)
            {
                if (initial is null)
                {
                    var first = (GaussianMixtureModel)new GaussianMixture(options).InitialModel(data.X, data.SampleWeights)
                        .WithFeatureNames(data.FeatureNames);
                    list.Add(new Snapshot(0, MixtureView.FromModel(first), first));
                    continue;
                }
                var view = MixtureView.FromInit(initial);
                var start = GaussianMixtureModel.FromParameters(options.CovarianceType, view.Weights, view.Means, view.Covariances);
                list.Add(new Snapshot(0, view, (GaussianMixtureModel)start.WithFeatureNames(data.FeatureNames)));
                continue;
            }
            var model = new GaussianMixture(options with { MaxIterations = it, Tolerance = 0 }).Fit(data.X, data.SampleWeights, null, ct);
            var named = (GaussianMixtureModel)model.WithFeatureNames(data.FeatureNames);
            list.Add(new Snapshot(it, MixtureView.FromModel(named), named));
        }
        return list;
    }

    public static void Write(List<Snapshot> snapshots, string dir, DataSet data, string dataName)
    {
        Directory.CreateDirectory(dir);
        var (x, y) = ModelPlot.Axes(data, null, null);
        // One frame for every picture, so that the series shows EM moving rather than the axes.
        ScottPlot.AxisLimits? limits = data.Columns > 1 ? ClusterPlot.DataLimits(data.Column(x), data.Column(y)) : null;
        foreach (var s in snapshots)
        {
            var stem = Path.Combine(dir, $"iter_{s.Iteration:D2}");
            var labels = s.Model.Predict(data.X);
            var title = s.Iteration == 0
                ? $"EM on {dataName}: initial parameters"
                : $"EM on {dataName}: after {s.Iteration} iteration{(s.Iteration == 1 ? "" : "s")} (lower bound {s.Model.LowerBound:F4})";
            var plot = ModelPlot.Create(s.View, data, labels, x, y, title, limits);
            PlotFile.Save(plot, stem + ".png", PlotStyle.DefaultWidth, PlotStyle.DefaultHeight);
            AtomicWriter.WriteText(stem + ".json", w => w.Write(MixtureModelJson.ToJson(s.Model)));
        }
    }
}
