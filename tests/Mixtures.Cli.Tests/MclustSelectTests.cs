using System.Globalization;
using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// mclust through the command line: <c>select --preset mclust</c> reproduces mclust 6's BIC table, best model and
/// failures (from our own hc), the flags it sets can be given one by one and overridden, and fit takes the same flags.
/// </summary>
public class MclustSelectTests
{
    static JsonElement MclustCase(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.Library, "cases", $"mclust_{name}_select.json"))).RootElement;

    /// <summary>mclust's BIC of (model, G), in its sign, or null where it failed.</summary>
    static double? MclustBic(JsonElement c, string model, int g) =>
        c.GetProperty("expected").GetProperty("bic_table").GetProperty(model)[g - 1] is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

    static void AssertRelative(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void PresetMclust_OnFaithful_PrintsEeeThreeInMclustSign_InBlocksThatFitTheConsole()
    {
        using var dir = new TempDir();
        File.Copy(Fixtures.Faithful, dir.File("faithful.csv"));
        var r = Tool.Run(dir.Path, TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["COLUMNS"] = "100" }, "select", "faithful.csv", "--preset", "mclust");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("best (*): K = 3, EEE, BIC -2314.316 (mclust's sign)", r.Stdout);
        // mclust's summary: the three best and their differences, in its sign.
        var lines = r.Stdout.Split('\n');
        int top = Array.FindIndex(lines, l => l.StartsWith("Best BIC values", StringComparison.Ordinal));
        Assert.True(top >= 0, r.Stdout);
        Assert.Equal(["EEE,3", "VVE,2", "VEE,3"], lines[top + 1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["BIC", "-2314.316", "-2320.433", "-2322.103"], lines[top + 2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("BIC diff", lines[top + 3]);
        Assert.Contains("0.000", lines[top + 3]);
        // 14 models do not fit in 100 columns: the table comes in blocks, every model in one of them, no line wider.
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= 100, $"line wider than the console: {l}"));
        foreach (var model in new[] { "EII", "VII", "EEI", "VEI", "EVI", "VVI", "EEE", "VEE", "EVE", "VVE", "EEV", "VEV", "EVV", "VVV" })
            Assert.Contains($" {model} ", r.Stdout);
    }

    [Theory]
    [InlineData("faithful", "faithful.csv")]
    [InlineData("iris", "iris.csv")]
    public void PresetMclust_Json_ReproducesMclustTable_FailuresAndBest(string name, string file)
    {
        var c = MclustCase(name);
        using var dir = new TempDir();
        var best = dir.File("best.json");
        var r = Tool.Run(dir.Path, "select", Fixtures.Data(file), "--preset", "mclust", "--json", "-o", best);
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("mclust", root.GetProperty("preset").GetString());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(14 * 9, results.Count);
        foreach (var e in results)
        {
            string type = e.GetProperty("covariance_type").GetString()!;
            int k = e.GetProperty("k").GetInt32();
            Assert.True(e.GetProperty("n_parameters").GetInt32() > 0);
            if (MclustBic(c, type, k) is { } expected)
            {
                Assert.False(e.GetProperty("failed").GetBoolean(), $"{type},{k} failed: {e}");
                AssertRelative(-expected, e.GetProperty("bic").GetDouble(), $"{type},{k} bic");
                double loglik = e.GetProperty("loglik").GetDouble(), bic = e.GetProperty("bic").GetDouble();
                int p = e.GetProperty("n_parameters").GetInt32(), n = name == "faithful" ? 272 : 150;
                AssertRelative(bic, -2 * loglik + p * Math.Log(n), $"{type},{k} bic from loglik");
                AssertRelative(-2 * loglik + 2 * p, e.GetProperty("aic").GetDouble(), $"{type},{k} aic");
                Assert.True(e.GetProperty("icl").GetDouble() >= bic - 1e-9, $"{type},{k}: icl adds an entropy term >= 0");
                Assert.True(e.GetProperty("n_iter").GetInt32() >= 1 || k == 1);
            }
            else
            {
                Assert.True(e.GetProperty("failed").GetBoolean(), $"{type},{k} should fail as in mclust");
                Assert.False(string.IsNullOrEmpty(e.GetProperty("reason").GetString()));
                Assert.False(e.TryGetProperty("bic", out _), $"{type},{k}: a failed fit has no bic");
            }
        }
        var b = root.GetProperty("best");
        var expect = c.GetProperty("expected");
        Assert.Equal(expect.GetProperty("best_model").GetString(), b.GetProperty("covariance_type").GetString());
        Assert.Equal(expect.GetProperty("best_G").GetInt32(), b.GetProperty("k").GetInt32());
        AssertRelative(-expect.GetProperty("best_bic").GetDouble(), b.GetProperty("bic").GetDouble(), "best bic");

        // The best model's file: mclust's name, full K x D x D matrices, and icl and loglik.
        using var model = JsonDocument.Parse(File.ReadAllText(best));
        var m = model.RootElement;
        Assert.Equal(b.GetProperty("covariance_type").GetString(), m.GetProperty("covariance_type").GetString());
        int kk = b.GetProperty("k").GetInt32(), d = name == "faithful" ? 2 : 4;
        foreach (var key in new[] { "covariances", "precisions_cholesky" })
        {
            Assert.Equal(kk, m.GetProperty(key).GetArrayLength());
            Assert.All(m.GetProperty(key).EnumerateArray(), a => Assert.Equal(d, a.GetArrayLength()));
            Assert.All(m.GetProperty(key).EnumerateArray(), a => Assert.All(a.EnumerateArray(), row => Assert.Equal(d, row.GetArrayLength())));
        }
        AssertRelative(b.GetProperty("loglik").GetDouble(), m.GetProperty("loglik").GetDouble(), "model loglik");
        AssertRelative(b.GetProperty("icl").GetDouble(), m.GetProperty("icl").GetDouble(), "model icl");
    }

    [Fact]
    public void ExplicitFlagsOverrideThePreset_AndBothSelectionPathsAgree()
    {
        var c = MclustCase("faithful");
        using var dir = new TempDir();
        // The preset with a smaller grid and ICL: the fits are mclust's, the choice is by ICL.
        var r = Tool.Run(dir.Path, "select", Fixtures.Faithful, "--preset", "mclust", "-k", "2..3", "--covariance-types", "EEE,VVV",
            "--criterion", "icl", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(4, results.Count);
        foreach (var e in results)
            AssertRelative(-MclustBic(c, e.GetProperty("covariance_type").GetString()!, e.GetProperty("k").GetInt32())!.Value,
                e.GetProperty("bic").GetDouble(), "bic");
        var byIcl = results.OrderBy(e => e.GetProperty("icl").GetDouble()).First();
        Assert.Equal("icl", doc.RootElement.GetProperty("criterion").GetString());
        Assert.Equal(byIcl.GetProperty("k").GetInt32(), doc.RootElement.GetProperty("best").GetProperty("k").GetInt32());
        Assert.Equal(byIcl.GetProperty("icl").GetDouble(), doc.RootElement.GetProperty("best").GetProperty("value").GetDouble());

        // The same fits flag by flag, with re-seeding allowed: hc then runs per fit (the general path), same numbers.
        var general = Tool.Run(dir.Path, "select", Fixtures.Faithful, "-k", "2..3", "--covariance-types", "EEE,VVV", "--init-params", "hc",
            "--stop-rule", "mclust", "--reg-covar", "0", "--max-iter", "100000", "--degenerate", "reseed", "--json");
        Assert.True(general.ExitCode == 0, general.ToString());
        using var g = JsonDocument.Parse(general.Stdout);
        var again = g.RootElement.GetProperty("results").EnumerateArray().ToList();
        for (int i = 0; i < 4; i++)
            AssertRelative(results[i].GetProperty("bic").GetDouble(), again[i].GetProperty("bic").GetDouble(), "general path bic");

        // --reg-covar given explicitly replaces the preset's 0: different (regularized) fits.
        var reg = Tool.Run(dir.Path, "select", Fixtures.Faithful, "--preset", "mclust", "-k", "3", "--covariance-types", "EEE", "--reg-covar", "0.1", "--json");
        Assert.True(reg.ExitCode == 0, reg.ToString());
        using var rd = JsonDocument.Parse(reg.Stdout);
        Assert.True(Math.Abs(rd.RootElement.GetProperty("best").GetProperty("bic").GetDouble() - 2314.316) > 0.1);
    }

    [Fact]
    public void InitLabels_OneColumnPerK_StartSelectFromMclustPartitions_AndFitTakesTheMclustFlags()
    {
        var c = MclustCase("iris");
        var partitions = c.GetProperty("expected").GetProperty("init_partitions");
        int[] P(int k) => partitions.GetProperty(k.ToString(CultureInfo.InvariantCulture)).EnumerateArray().Select(v => v.GetInt32()).ToArray();
        using var dir = new TempDir();
        var labels = dir.File("labels.csv");
        int[] two = P(2), three = P(3);
        File.WriteAllLines(labels, new[] { "g2,g3" }.Concat(two.Select((l, i) => $"{l},{three[i]}")));
        var r = Tool.Run(dir.Path, "select", Fixtures.Data("iris.csv"), "-k", "2..3", "--covariance-types", "VEV,EEE", "--init-labels", labels,
            "--stop-rule", "mclust", "--reg-covar", "0", "--max-iter", "100000", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        foreach (var e in doc.RootElement.GetProperty("results").EnumerateArray())
            AssertRelative(-MclustBic(c, e.GetProperty("covariance_type").GetString()!, e.GetProperty("k").GetInt32())!.Value,
                e.GetProperty("bic").GetDouble(), "bic from labels");

        // fit with mclust's flags and its hc start: mclust's best (VEV, 2) with its BIC, icl and loglik in the model file.
        var model = dir.File("vev.json");
        var fit = Tool.Run(dir.Path, "fit", Fixtures.Data("iris.csv"), "-k", "2", "--covariance-type", "VEV", "--init-params", "hc",
            "--stop-rule", "mclust", "--reg-covar", "0", "--max-iter", "100000", "-o", model, "--json");
        Assert.True(fit.ExitCode == 0, fit.ToString());
        using var m = JsonDocument.Parse(File.ReadAllText(model));
        AssertRelative(-c.GetProperty("expected").GetProperty("best_bic").GetDouble(), m.RootElement.GetProperty("bic").GetDouble(), "fit bic");
        var mclustFit = c.GetProperty("expected").GetProperty("mclust_fit");
        AssertRelative(mclustFit.GetProperty("loglik").GetDouble(), m.RootElement.GetProperty("loglik").GetDouble(), "fit loglik");
        AssertRelative(-mclustFit.GetProperty("icl").GetDouble(), m.RootElement.GetProperty("icl").GetDouble(), "fit icl");
    }

    [Fact]
    public void MclustFlags_AreRefusedWhereTheyDoNotApply()
    {
        using var dir = new TempDir();
        var labels = dir.File("labels.csv");
        File.WriteAllLines(labels, new[] { "g" }.Concat(Enumerable.Range(0, 272).Select(i => (i % 2).ToString(CultureInfo.InvariantCulture))));
        foreach (var (args, expected) in new (string[], string)[]
                 {
                     (["select", Fixtures.Data("counts.csv"), "--family", "poisson", "--preset", "mclust"], "--preset mclust applies to --family gaussian"),
                     (["select", Fixtures.Data("counts.csv"), "--family", "poisson", "--stop-rule", "mclust"], "--stop-rule mclust applies to --family gaussian"),
                     (["fit", Fixtures.Data("binary.csv"), "--family", "bernoulli", "--init-params", "hc"], "--init-params hc applies to --family gaussian"),
                     (["fit", Fixtures.Faithful, "--bayesian", "dirichlet-process", "--stop-rule", "mclust"], "--stop-rule mclust does not apply to --bayesian"),
                     (["select", Fixtures.Faithful, "--covariance-types", "mclust,EXX"], "--covariance-types 'mclust,EXX'"),
                     (["select", Fixtures.Faithful, "--criterion", "xyz"], "--criterion"),
                     (["select", Fixtures.Faithful, "--stop-rule", "r"], "--stop-rule"),
                     (["select", Fixtures.Faithful, "-k", "3..4", "--init-labels", labels], "--k tries none of them"),
                 })
        {
            var r = Tool.Run(dir.Path, args);
            Assert.True(r.ExitCode == 2, $"{string.Join(' ', args)}: {r}");
            Assert.Contains(expected, r.Stderr);
        }
    }
}

/// <summary>select's BIC picture: mclust's sign under the preset, the y range zoomed to the competitive fits, the best marked.</summary>
public class CriterionPictureTests
{
    [Fact]
    public void PresetPicture_StatesMclustSign_MarksTheBest_AndListsLinesOffTheChart()
    {
        using var dir = new TempDir();
        var svg = dir.File("bic.svg");
        var r = Tool.Run(dir.Path, "select", Fixtures.Faithful, "--preset", "mclust", "--plot", svg, "-q");
        Assert.True(r.ExitCode == 0, r.ToString());
        // EII and VII lie 600+ below the others at every K: zoomed away, but still named in the legend.
        ImageAssert.Svg(svg, 900, 650, "sign: higher is better", "best: K = 3, EEE (BIC -2314.3)", "EII (off the chart)", "zoomed");
    }

    [Fact]
    public void ZoomedRange_HoldsTheBestFitsAndEveryCompetitiveLine_NotTheOutliers()
    {
        // Four lines in scikit-learn's sign: K = 1 far worse than the rest (as iris's 830 against 574..720).
        var series = new List<Mixtures.Cli.Plotting.CriterionPlot.Series>
        {
            new("full", [1, 2, 3, 4], [830, 574, 581, 624]),
            new("tied", [1, 2, 3, 4], [830, 687, 633, 617]),
            new("diag", [1, 2, 3, 4], [1400, 857, 745, 705]),
            new("spherical", [1, 2, 3, 4], [2000, 1012, 853, 785]),
        };
        var best = new Mixtures.Cli.Plotting.CriterionPlot.Best(2, 574, "full");
        var range = Mixtures.Cli.Plotting.CriterionPlot.Range(series, best.Value);
        Assert.True(range.Zoomed);
        Assert.True(range.Low < 574 && range.High > 633, $"{range}");              // the five best fits are inside
        Assert.True(range.High < 1400, $"{range}");                                // the outliers are not
        Assert.True((581 - 574) / (range.High - range.Low) > 0.01, $"{range}: full K=2 and K=3 must be apart");
        Assert.Equal(series.SelectMany(s => s.Values).Count(v => v > range.High), range.OffChart);

        foreach (bool mclust in new[] { false, true })
        {
            var plot = Mixtures.Cli.Plotting.CriterionPlot.Create(series, "bic", best, mclust, "t");
            var limits = plot.Axes.GetLimits();
            double shown = mclust ? -574 : 574;
            Assert.InRange(shown, limits.Bottom, limits.Top);
            // The best is circled at its (K, value).
            var marker = plot.GetPlottables().OfType<ScottPlot.Plottables.Marker>().Single();
            Assert.Equal(2, marker.Location.X);
            Assert.Equal(shown, marker.Location.Y);
            Assert.Contains(mclust ? "mclust's sign" : "lower is better", plot.Axes.Left.Label.Text);
        }

        // Values of one scale are all shown.
        var close = new List<Mixtures.Cli.Plotting.CriterionPlot.Series> { new("a", [1, 2, 3], [10, 9, 11]), new("b", [1, 2, 3], [10.5, 9.5, 12]) };
        var all = Mixtures.Cli.Plotting.CriterionPlot.Range(close, 9);
        Assert.False(all.Zoomed);
        Assert.True(all.Low < 9 && all.High > 12);
    }
}
