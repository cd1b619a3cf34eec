using System.Text.Json;
using Mixtures.Cli.Io;
using Mixtures.Cli.Tests.Infrastructure;
using Mixtures.Serialization;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary><c>fit --snapshots DIR</c> without --init: snapshot 0 is where EM starts for the seed, and every snapshot is written.</summary>
public class SnapshotTests
{
    [Fact]
    public void Snapshots_WithoutInit_StartFromTheLibrarysInitialModel_AndIterationOneIsOneEmStepFromIt()
    {
        using var dir = new TempDir();
        var snaps = dir.File("snaps");
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "3", "--seed", "5", "--snapshots", snaps, "-q");
        Assert.True(r.ExitCode == 0, r.ToString());
        foreach (var i in new[] { 0, 1, 2, 3, 4, 5, 6, 20 })
        {
            ImageAssert.Png(Path.Combine(snaps, $"iter_{i:D2}.png"), 900, 650);
            Assert.True(File.Exists(Path.Combine(snaps, $"iter_{i:D2}.json")), $"iter_{i:D2}.json");
        }

        // Snapshot 0 is the library's initial model for this seed, exactly.
        var x = CsvTableReader.Read(Fixtures.Faithful, ColumnSelection.All).X;
        var options = new GaussianMixtureOptions { Components = 3, Seed = 5 };
        var start = new GaussianMixture(options).InitialModel(x);
        var snap0 = (GaussianMixtureModel)MixtureModelJson.Load(Path.Combine(snaps, "iter_00.json"));
        Assert.Equal(start.Weights, snap0.Weights);
        Assert.Equal(start.Means, snap0.Means);
        using (var j0 = JsonDocument.Parse(File.ReadAllText(Path.Combine(snaps, "iter_00.json"))))
            Assert.Equal(0, j0.RootElement.GetProperty("n_iter").GetInt32());

        // ... and EM starts there: one iteration from snapshot 0's parameters is snapshot 1.
        int k = snap0.Components, d = snap0.Features;
        var precisions = Enumerable.Range(0, k).Select(c =>
        {
            var p = new double[d, d];
            for (int a = 0; a < d; a++)
                for (int b = 0; b < d; b++)
                    p[a, b] = snap0.Precisions[c, a, b];
            return p;
        }).ToArray();
        var oneStep = new GaussianMixture(options with
        {
            MaxIterations = 1, Tolerance = 0, InitialWeights = snap0.Weights, InitialMeans = snap0.Means, InitialPrecisions = precisions,
        }).Fit(x);
        var snap1 = MixtureModelJson.Load(Path.Combine(snaps, "iter_01.json"));
        var expected = oneStep.Means;
        var actual = snap1.Means;
        for (int c = 0; c < k; c++)
            for (int a = 0; a < d; a++)
                Assert.True(double.IsFinite(expected[c, a]) && Math.Abs(expected[c, a] - actual[c, a]) <= 1e-9 * Math.Abs(expected[c, a]),
                    $"component {c}, feature {a}: {actual[c, a]} vs {expected[c, a]}");
    }
}
