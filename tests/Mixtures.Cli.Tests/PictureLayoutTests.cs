using CsCheck;
using Mixtures.Cli.Commands;
using Mixtures.Cli.Io;
using Mixtures.Cli.Plotting;
using Mixtures.Cli.Tests.Infrastructure;
using ScottPlot;
using PlotStyle = Mixtures.Cli.Plotting.PlotStyle;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// Issue 15's pictures, checked on the layout the plotting code computes (not on pixels): axis limits hold every
/// ellipse, the legend lies outside the data area, snapshot frames share their axes, tiles are large enough,
/// ticks share one format, the learning curve starts at iteration 0. In process; about 3 s in all.
/// </summary>
public class PictureLayoutTests
{
    /// <summary>A random 2-D mixture: means, SPD covariances (from a Cholesky factor) and positive weights.</summary>
    static readonly Gen<MixtureView> Views =
        Gen.Select(Gen.Int[1, 4], Gen.Int[0, 1_000_000]).Select((k, seed) =>
        {
            var rng = new Random(seed);
            double Scale() => Math.Pow(10, rng.NextDouble() * 6 - 3);
            var means = new double[k, 2];
            var cov = new double[k, 2, 2];
            var w = new double[k];
            for (int c = 0; c < k; c++)
            {
                double s = Scale();
                means[c, 0] = (rng.NextDouble() - 0.5) * 100 * s;
                means[c, 1] = (rng.NextDouble() - 0.5) * 100 * s;
                double l00 = Scale(), l10 = (rng.NextDouble() - 0.5) * Scale(), l11 = Scale();
                cov[c, 0, 0] = l00 * l00;
                cov[c, 0, 1] = cov[c, 1, 0] = l00 * l10;
                cov[c, 1, 1] = l10 * l10 + l11 * l11;
                w[c] = 1.0 / k;
            }
            return new MixtureView(w, means, cov);
        });

    [Fact]
    public void AxisLimits_HoldEveryEllipseAndEveryPoint() =>
        Gen.Select(Views, Gen.Double[-1e3, 1e3].Array[1, 20]).Sample((view, points) =>
        {
            var xs = points;
            var ys = points.Select(p => -p / 2).ToArray();
            var layout = ClusterPlot.Layout(view, xs, ys);
            var l = layout.Limits;
            Assert.Equal(3 * view.Components, layout.Ellipses.Count);
            foreach (var e in layout.Ellipses)
                for (int i = 0; i < e.Xs.Length; i++)
                    Assert.True(e.Xs[i] > l.Left && e.Xs[i] < l.Right && e.Ys[i] > l.Bottom && e.Ys[i] < l.Top,
                        $"component {e.Component}, {e.Sigma}-sigma point ({e.Xs[i]}, {e.Ys[i]}) outside {l}");
            Assert.All(xs.Zip(ys), p => Assert.True(p.First > l.Left && p.First < l.Right && p.Second > l.Bottom && p.Second < l.Top));
        }, iter: 200);

    [Fact]
    public void EllipseCoverage_IsTheTwoDimensionalChiSquare() =>
        Assert.Equal([0.393, 0.865, 0.989], [.. new[] { 1, 2, 3 }.Select(s => Math.Round(ClusterPlot.Coverage(s), 3))]);

    [Fact]
    public void Ticks_ShareOneNumberOfDecimals_AndCoverTheRange() =>
        Gen.Select(Gen.Double[-1e6, 1e6], Gen.Double[1e-4, 1e6]).Sample((lo, span) =>
        {
            var (positions, labels) = PlotStyle.Ticks(lo, lo + span);
            Assert.InRange(positions.Length, 3, 12);
            Assert.Single(labels.Select(t => t.Contains('.') ? t.Length - t.IndexOf('.') : 0).Distinct());
            Assert.All(positions, p => Assert.InRange(p, lo - span * 1e-6, lo + span * (1 + 1e-6)));
            // The labels are the positions, to their decimals.
            for (int i = 0; i < positions.Length; i++)
                Assert.Equal(positions[i], double.Parse(labels[i], System.Globalization.CultureInfo.InvariantCulture), span / 1e3);
        }, iter: 500);

    [Fact]
    public void ClusterPicture_LegendLiesRightOfTheDataArea_AndTheAxesAreTheComputedLimits()
    {
        var (view, data) = Faithful(2, 100);
        var labels = view.Predict(data.X);
        var plot = ClusterPlot.Create(view, data.Column(0), data.Column(1), labels, "eruptions", "waiting", "t");
        var (dataRect, legend) = Render(plot, 900, 650);
        Assert.False(plot.Legend.IsVisible);   // the legend inside the axes is off; its panel is outside
        Assert.True(legend.Width > 100, $"legend panel {legend}");
        Assert.True(legend.Left >= dataRect.Right && legend.Right <= 900, $"legend {legend}, data {dataRect}");
        var expected = ClusterPlot.Layout(view, data.Column(0), data.Column(1)).Limits;
        Assert.Equal(expected, plot.Axes.GetLimits());
    }

    [Fact]
    public void Snapshots_ShareAxisLimitsAndDataArea_In2DAnd1D()
    {
        foreach (var columns in new[] { 2, 1 })
        {
            var ds = CsvTableReader.Read(Fixtures.Faithful, new ColumnSelection(columns == 2 ? null : ["waiting"]));
            var models = new[] { 1, 2, 20 }.Select(it =>
                (IMixtureModel)new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 3, MaxIterations = it, Tolerance = 0 })
                    .Fit(ds.X).WithFeatureNames(ds.FeatureNames)).ToList();
            var snapshots = models.Select((m, i) => new SnapshotWriter.Snapshot(i, m)).ToList();
            var plots = SnapshotWriter.Draw(new GaussianPlotter(), snapshots, ds, ["a", "b", "c"]);
            var limits = plots.Select(p => p.Axes.GetLimits()).Distinct().ToList();
            Assert.Single(limits);
            var areas = plots.Select(p => Render(p, PlotStyle.DefaultWidth, PlotStyle.DefaultHeight).Data).Distinct().ToList();
            Assert.Single(areas);
            // Every frame's ellipses (2-D) or densities (1-D) lie inside the shared frame.
            if (columns == 2)
                foreach (var m in models)
                    foreach (var e in ClusterPlot.Layout(MixtureView.FromModel((GaussianMixtureModel)m), ds.Column(0), ds.Column(1), limits[0]).Ellipses)
                        Assert.True(e.Xs.Min() > limits[0].Left && e.Xs.Max() < limits[0].Right && e.Ys.Min() > limits[0].Bottom && e.Ys.Max() < limits[0].Top);
        }
    }

    [Fact]
    public void DigitsMeans_TilesAtLeast120Pixels_AndFittedGridsLeaveNoHalfEmptyCanvas()
    {
        var captions = Enumerable.Repeat("comp 0: mostly 0\nw = 0.100", 10).ToList();
        var natural = DigitGrid.Measure(10, 5, 8, "title", captions, new DigitGrid.Options(ColorBarLabel: "P(ink)", TilePixels: DemoDigitsCommand.MeansTilePixels));
        Assert.True(natural.TilePixels >= 120, $"tile {natural.TilePixels}");
        Assert.Equal((2, 5), (natural.Rows, natural.Columns));
        // At its natural size the grid fills the canvas: margins of at most the colour bar and the title.
        Assert.True(natural.Width <= 5 * natural.TilePixels * (1 + 1.5 / 8) + 2 * 110 + 40, $"{natural}");
        // Fitted into a canvas of another shape, the tiles grow until one direction is full.
        foreach (var (w, h) in new[] { (900, 650), (1600, 500), (500, 1200) })
        {
            var fitted = DigitGrid.Measure(10, 5, 8, "title", captions, new DigitGrid.Options(ColorBarLabel: "P(ink)"), w, h);
            var p = fitted.Padding;
            double spareW = p.Left + p.Right - 16 - 110, spareH = p.Top + p.Bottom - 16 - 42;
            Assert.True(Math.Min(spareW, spareH) < 2, $"{w} x {h}: spare {spareW} x {spareH}");
        }
        var samples = DigitGrid.Measure(80, 8, 8, "title", [.. Enumerable.Repeat("", 80)],
            new DigitGrid.Options(RowLabels: [.. Enumerable.Repeat("comp 0 (\"0\")", 10)], TilePixels: DemoDigitsCommand.SamplesTilePixels));
        Assert.Equal(10, samples.Rows);
    }

    [Fact]
    public void LearningCurve_StartsAtIterationZero_WithChangesOnALogScale_AndFewYTicks()
    {
        var ds = CsvTableReader.Read(Fixtures.Faithful, ColumnSelection.All);
        var model = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 0 }).Fit(ds.X);
        var history = model.LowerBoundHistory;
        var (_, layout) = HistoryPlot.Draw(history, firstIsInitial: true, model.Converged, 1e-3, "t");
        Assert.Equal(0, layout.Iterations[0]);
        Assert.Equal(history.Length - 1, layout.Iterations[^1]);
        Assert.Equal(history.Length - 1, layout.Changes.Length);
        Assert.All(layout.Changes, c => Assert.True(c > 0));
        Assert.InRange(layout.CurveYTicks, 2, 7);
        var (_, variational) = HistoryPlot.Draw(history, firstIsInitial: false, true, 1e-3, "t");
        Assert.Equal(1, variational.Iterations[0]);
    }

    [Fact]
    public void Subsample_IsFixed_Sorted_Distinct_AndReadsTheChosenRows()
    {
        var a = PlotData.Choose(100_000, 500);
        Assert.Equal(a, PlotData.Choose(100_000, 500));
        Assert.Equal(500, a.Distinct().Count());
        Assert.True(a.SequenceEqual(a.Order()) && a[0] >= 0 && a[^1] < 100_000);
        // Spread over the whole file, not its start.
        Assert.True(a.Count(i => i >= 50_000) is > 200 and < 300);
        var x = new double[30_000, 2];
        for (int i = 0; i < 30_000; i++) (x[i, 0], x[i, 1]) = (i, -i);
        var chosen = PlotData.Choose(30_000, 1000);
        var sub = PlotData.Subsample(new Mixtures.Data.ArrayRowSource(x, null), 1000, default);
        for (int r = 0; r < 1000; r++) Assert.Equal((chosen[r], -chosen[r]), ((long)sub[r, 0], (long)sub[r, 1]));
    }

    static (MixtureView View, DataSet Data) Faithful(int k, int iterations)
    {
        var ds = CsvTableReader.Read(Fixtures.Faithful, ColumnSelection.All);
        var model = new GaussianMixture(new GaussianMixtureOptions { Components = k, Seed = 0, MaxIterations = iterations }).Fit(ds.X);
        return (MixtureView.FromModel(model), ds);
    }

    /// <summary>Renders in memory: the data area and the legend panel's rectangle (right of the data area).</summary>
    static (PixelRect Data, PixelRect Legend) Render(Plot plot, int width, int height)
    {
        using (plot.GetImage(width, height)) { }
        var last = plot.RenderManager.LastRender;
        var data = last.DataRect;
        var legend = last.Layout.PanelSizes.Where(p => p.Key is ScottPlot.Panels.LegendPanel).Select(p => p.Key).FirstOrDefault();
        if (legend is null) return (data, default);
        float offset = last.Layout.PanelOffsets[legend], size = last.Layout.PanelSizes[legend];
        return (data, new PixelRect(data.Right + offset, data.Right + offset + size, data.Bottom, data.Top));
    }
}
