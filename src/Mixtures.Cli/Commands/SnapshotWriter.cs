using Mixtures.Cli.Fitting;
using Mixtures.Cli.Io;
using Mixtures.Cli.Plotting;
using Mixtures.Serialization;

namespace Mixtures.Cli.Commands;

/// <summary>
/// <c>fit --snapshots DIR</c>: the fit after 0, 1, 2, 3, 4, 5, 6 and 20 EM iterations, each a refit from the
/// same start (same seed or --init) with MaxIterations = i and Tolerance = 0, so the pictures are deterministic.
/// Snapshot 0 is the start itself: the --init parameters, or the library's <see cref="GaussianMixture.InitialModel"/>
/// (the parameters Fit starts from with the same seed). Bernoulli and Poisson fits (<see cref="FamilySnapshot"/>) start
/// from <see cref="BernoulliMixture.InitialModel"/> / <see cref="PoissonMixture.InitialModel"/> and are drawn as
/// <c>mixtures plot</c> draws those families, on one colour scale for the whole series.
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
        // One restart: every snapshot follows the run that starts at snapshot 0, whatever --n-init says.
        options = WithSeed(options) with { NInit = 1 };
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
            var title = Title(dataName, s.Iteration, s.Model.LowerBound);
            var plot = ModelPlot.Create(s.View, data, labels, x, y, title, limits);
            PlotFile.Save(plot, stem + ".png", PlotStyle.DefaultWidth, PlotStyle.DefaultHeight);
            SaveJson(s.Model, stem + ".json");
        }
    }

    /// <summary>iter_NN.json: checked as every output is (the snapshot directory is made by the tool, its files are not).</summary>
    private static void SaveJson(IMixtureModel model, string path)
    {
        OutputPath.Require(path);
        MixtureModelJson.Save(model, path);
    }

    /// <summary>"EM on DATA: initial parameters" or "EM on DATA: after i iterations (lower bound L)".</summary>
    private static string Title(string dataName, int iteration, double lowerBound) => iteration == 0
        ? $"EM on {dataName}: initial parameters (iteration 0)"
        : $"EM on {dataName}: after {iteration} iteration{(iteration == 1 ? "" : "s")} (lower bound {lowerBound:F4})";

    /// <summary>A Bernoulli or Poisson snapshot: the iteration and the mixture then (with the data's feature names).</summary>
    public sealed record FamilySnapshot(int Iteration, IMixtureModel Model);

    /// <summary>The common EM options of a Bernoulli/Poisson fit with snapshots: seed 0 when there is neither --seed nor --init.</summary>
    public static GaussianMixtureOptions WithSeed(GaussianMixtureOptions common, InitialParameters? initial) =>
        common.Seed is null && initial is null ? common with { Seed = 0 } : common;

    /// <summary>
    /// Bernoulli/Poisson snapshots: 0 is where the fit starts (the --init weights and means, or the library's initial model
    /// for the seed), the others refits from that same start (one restart) with MaxIterations = i and Tolerance = 0.
    /// </summary>
    public static List<FamilySnapshot> Compute(FamilySettings family, GaussianMixtureOptions common, int components, DataSet data,
        InitialParameters? initial, CancellationToken ct)
    {
        // One restart: the snapshots follow the run that starts at snapshot 0 (the first restart of the fit).
        var options = WithSeed(common, initial) with { NInit = 1 };
        var list = new List<FamilySnapshot>();
        foreach (int it in Iterations)
        {
            ct.ThrowIfCancellationRequested();
            var model = it == 0
                ? family.InitialModel(options, components, data, initial)
                : family.Fitter(options with { MaxIterations = it, Tolerance = 0 }, components, data, initial)(null, ct);
            list.Add(new FamilySnapshot(it, model.WithFeatureNames(data.FeatureNames)));
        }
        return list;
    }

    /// <summary>
    /// One colour scale for the series (the union of every picture's own), so that a colour means the same value
    /// in every snapshot.
    /// </summary>
    public static ScottPlot.Range SharedScale(IReadOnlyList<FamilySnapshot> snapshots, DataSet data, IReadOnlyList<int[]> labels)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < snapshots.Count; i++)
        {
            var r = ParameterPlot.Scale(snapshots[i].Model, data, labels[i]);
            min = Math.Min(min, r.Min);
            max = Math.Max(max, r.Max);
        }
        return new ScottPlot.Range(min, max);
    }

    /// <summary>
    /// Writes iter_NN.png (the family's picture of the parameters beside the data's per-component averages, as
    /// <c>mixtures plot MODEL DATA</c> draws it, on one colour scale for every snapshot) and iter_NN.json.
    /// </summary>
    public static void Write(List<FamilySnapshot> snapshots, string dir, DataSet data, string dataName)
    {
        Directory.CreateDirectory(dir);
        var labels = snapshots.Select(s => s.Model.Predict(data.X)).ToArray();
        var scale = SharedScale(snapshots, data, labels);
        for (int i = 0; i < snapshots.Count; i++)
        {
            var s = snapshots[i];
            var stem = Path.Combine(dir, $"iter_{s.Iteration:D2}");
            // Two short lines rather than one that the picture clips: the iteration and lower bound, then the model.
            var title = $"{Title(dataName, s.Iteration, s.Model.LowerBound)}\n{ParameterPlot.Title(s.Model, null)}";
            var plot = ParameterPlot.Create(s.Model, data, labels[i], title, scale);
            PlotFile.Save(plot, stem + ".png", PlotStyle.DefaultWidth, PlotStyle.DefaultHeight);
            SaveJson(s.Model, stem + ".json");
        }
    }
}
