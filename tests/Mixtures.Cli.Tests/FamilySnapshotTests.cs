using System.Globalization;
using System.Text.Json;
using Mixtures.Cli.Families;
using Mixtures.Cli.Io;
using Mixtures.Cli.Plotting;
using Mixtures.Cli.Tests.Infrastructure;
using Mixtures.Serialization;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// <c>fit --family bernoulli|poisson --snapshots DIR</c>: the eight models and pictures, snapshot 0 is the library's
/// InitialModel (or the --init parameters), snapshot i is i EM iterations from it, and the pictures share one colour scale.
/// </summary>
public class FamilySnapshotTests
{
    static readonly int[] Iterations = [0, 1, 2, 3, 4, 5, 6, 20];

    static string Snap(string dir, int i, string ext) => Path.Combine(dir, $"iter_{i:D2}.{ext}");

    static void AssertAllWritten(string snaps)
    {
        // Heatmaps at the default size; grids of images at their natural size, the same for every frame.
        var size = ImageAssert.PngSize(Snap(snaps, 0, "png"));
        Assert.True(size == (900, 650) || size.Width >= 500, $"{size}");
        foreach (var i in Iterations)
        {
            ImageAssert.Png(Snap(snaps, i, "png"), size.Width, size.Height);
            using var j = JsonDocument.Parse(File.ReadAllText(Snap(snaps, i, "json")));
            Assert.Equal(i, j.RootElement.GetProperty("n_iter").GetInt32());
        }
        Assert.Equal(16, Directory.GetFiles(snaps).Length);
    }

    static void Close(double[,] expected, double[,] actual, double tol, string what)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (int c = 0; c < expected.GetLength(0); c++)
            for (int j = 0; j < expected.GetLength(1); j++)
                Assert.True(double.IsFinite(expected[c, j]) && Math.Abs(expected[c, j] - actual[c, j]) <= tol * Math.Max(1, Math.Abs(expected[c, j])),
                    $"{what}[{c}, {j}]: {actual[c, j]} vs {expected[c, j]}");
    }

    [Fact]
    public void Bernoulli_Snapshots_StartAtInitialModel_AndStepByEm()
    {
        using var dir = new TempDir();
        var snaps = dir.File("snaps");
        var data = Fixtures.Data("binary.csv");
        var r = Tool.Run(dir.Path, "fit", data, "--family", "bernoulli", "-k", "3", "--seed", "4", "--alpha", "0.5",
            "--snapshots", snaps, "-q");
        Assert.True(r.ExitCode == 0, r.ToString());
        AssertAllWritten(snaps);

        var x = CsvTableReader.Read(data, ColumnSelection.All).X;
        var options = new BernoulliMixtureOptions { Components = 3, Seed = 4, Alpha = 0.5 };
        var start = new BernoulliMixture(options).InitialModel(x);
        var snap0 = (BernoulliMixtureModel)MixtureModelJson.Load(Snap(snaps, 0, "json"));
        Assert.Equal("bernoulli", snap0.Family);
        Assert.Equal(start.Weights, snap0.Weights);
        Assert.Equal(start.Means, snap0.Means);
        Assert.Equal(["owns_car", "has_kids", "reads_news", "plays_sport", "cooks", "travels", "gardens"], snap0.FeatureNames!);

        // Snapshot i is i EM iterations from snapshot 0's parameters.
        foreach (var i in new[] { 1, 20 })
        {
            var expected = new BernoulliMixture(options with
            {
                MaxIterations = i, Tolerance = 0, InitialWeights = snap0.Weights, InitialMeans = snap0.Means,
            }).Fit(x);
            var snap = MixtureModelJson.Load(Snap(snaps, i, "json"));
            Close(expected.Means, snap.Means, 1e-12, $"iteration {i} means");
            Assert.Equal(expected.LowerBound, snap.LowerBound, 1e-12);
        }
    }

    [Fact]
    public void Poisson_SnapshotsWithoutSeed_UseSeedZero_LikeTheFit()
    {
        using var dir = new TempDir();
        var snaps = dir.File("snaps");
        var model = dir.File("model.json");
        var data = Fixtures.Data("counts.csv");
        var r = Tool.Run(dir.Path, "fit", data, "--family", "poisson", "-k", "3", "--init-params", "random",
            "--snapshots", snaps, "-o", model, "-q");
        Assert.True(r.ExitCode == 0, r.ToString());
        AssertAllWritten(snaps);

        var x = CsvTableReader.Read(data, ColumnSelection.All).X;
        var start = new PoissonMixture(new PoissonMixtureOptions { Components = 3, Init = InitMethod.Random, Seed = 0 }).InitialModel(x);
        var snap0 = (PoissonMixtureModel)MixtureModelJson.Load(Snap(snaps, 0, "json"));
        Assert.Equal(start.Weights, snap0.Weights);
        Assert.Equal(start.Rates, snap0.Rates);

        // The fit itself started there too: its first lower bound is snapshot 1's.
        var fit = MixtureModelJson.Load(model);
        var snap1 = MixtureModelJson.Load(Snap(snaps, 1, "json"));
        Assert.Equal(snap1.LowerBound, fit.LowerBoundHistory[0], 1e-12);
        Assert.True(MixtureModelJson.Load(Snap(snaps, 20, "json")).LowerBound > snap1.LowerBound);
    }

    [Fact]
    public void Bernoulli_DigitsWithInit_SnapshotZeroIsTheInit_DrawnAsImages()
    {
        using var dir = new TempDir();
        var snaps = dir.File("snaps");
        var data = Path.Combine(Fixtures.Library, "data", "digits.csv");
        // A start of two flat components: EM has to find the structure, so the pictures change.
        var means = Enumerable.Range(0, 2).Select(c => Enumerable.Range(0, 64).Select(j => 0.3 + 0.1 * c + 0.002 * (j % 7)).ToArray()).ToArray();
        var init = dir.File("init.json");
        File.WriteAllText(init, JsonSerializer.Serialize(new { weights = new[] { 0.4, 0.6 }, means }));
        var r = Tool.Run(dir.Path, TimeSpan.FromMinutes(2), "fit", data, "--family", "bernoulli", "--binarize", "8", "--init", init,
            "--snapshots", snaps, "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        AssertAllWritten(snaps);

        var snap0 = (BernoulliMixtureModel)MixtureModelJson.Load(Snap(snaps, 0, "json"));
        Assert.Equal([0.4, 0.6], snap0.Weights);
        Assert.Equal(8, snap0.BinarizeThreshold);
        for (int c = 0; c < 2; c++)
            for (int j = 0; j < 64; j++) Assert.Equal(means[c][j], snap0.Means[c, j]);
        // The pictures differ: EM moved the means between iteration 0 and 20.
        Assert.NotEqual(File.ReadAllBytes(Snap(snaps, 0, "png")), File.ReadAllBytes(Snap(snaps, 20, "png")));
    }

    [Fact]
    public void SharedScale_CoversEverySnapshotsOwnScale()
    {
        var x = CsvTableReader.Read(Fixtures.Data("counts.csv"), ColumnSelection.All).X;
        var data = new DataSet(x, ["calls", "emails", "visits", "purchases", "returns"], null, "counts.csv");
        var options = new PoissonMixtureOptions { Components = 3, Init = InitMethod.Random, Seed = 1, Tolerance = 0 };
        var snapshots = new List<IMixtureModel> { new PoissonMixture(options).InitialModel(x) };
        foreach (var i in new[] { 1, 20 }) snapshots.Add(new PoissonMixture(options with { MaxIterations = i }).Fit(x));
        var labels = snapshots.Select(s => s.Predict(x)).ToArray();
        var plotter = (ParameterPlotter)FamilyRegistry.Of(snapshots[0]).Plotter;
        var shared = plotter.SharedScale(snapshots, data, labels);
        var own = snapshots.Select((s, i) => plotter.Scale(s, data, labels[i])).ToArray();
        Assert.Equal(0, shared.Min);
        Assert.Equal(own.Max(o => o.Max), shared.Max);
        Assert.True(own.Select(o => o.Max).Distinct().Count() > 1, "the snapshots' own scales should differ, or the test shows nothing");
    }
}
