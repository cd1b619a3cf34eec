using Mixtures.Cli.Families;
using Mixtures.Cli.Io;
using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// Gaussian mixtures drawn over their data (<see cref="ModelPlot"/>): points coloured by component, sigma
/// ellipses (and density contours on request) on a pair of features, or densities over a histogram for one feature.
/// </summary>
internal sealed class GaussianPlotter : FamilyPlotter
{
    public override ModelPicture Draw(IMixtureModel model, PlotRequest request)
    {
        if (request.DataPath is null) throw new CliException("DATA is required to plot a Gaussian mixture (the points are drawn under it).");
        if (request.LogScale) throw new CliException("--log-scale applies to Poisson rates; a Gaussian mixture is drawn over its data.");
        var drawn = PlotData.Load(model, request.DataPath, request.Columns, request.CancellationToken);
        var ds = drawn.Data;
        var (ix, iy) = ModelPlot.Axes(ds, request.X, request.Y);
        if (ds.Columns == 1 && (request.Contours || request.Uncertainty))
            throw new CliException("--contours and --uncertainty draw on a pair of features; this model has one (drawn as densities over a histogram).");
        var title = request.Title ?? FamilyRegistry.Of(model).Title(model, Path.GetFileName(request.DataPath));
        var options = new ClusterPlot.Options(request.Contours, request.Uncertainty ? ((MixtureModel)model).Uncertainty(ds.X) : null,
            Notes: drawn.Note is { } n ? [$"points: {n}"] : null);
        var plot = ModelPlot.Create(View(model), ds, model.Predict(ds.X), ix, iy, title, options);
        string x = ds.FeatureNames[ix];
        string? y = ds.Columns > 1 ? ds.FeatureNames[iy] : null;
        long? drawnRows = drawn.Subsampled ? ds.Rows : null;
        return new ModelPicture(plot, drawn.Note is { } note ? $", {note}" : "",
            (output, width, height) => new { output, width, height, x, y, drawn_rows = drawnRows, total_rows = drawn.TotalRows });
    }

    /// <summary>The first two features, in one frame for every picture (the data and every frame's 3-sigma ellipses), so that the series shows EM moving rather than the axes.</summary>
    public override IEnumerable<Plot> Series(IReadOnlyList<IMixtureModel> models, DataSet data, IReadOnlyList<string> titles)
    {
        var (x, y) = ModelPlot.Axes(data, null, null);
        var views = models.Select(View).ToList();
        var frame = ModelPlot.Frame(views, data, x, y);
        for (int i = 0; i < models.Count; i++)
            yield return ModelPlot.Create(views[i], data, models[i].Predict(data.X), x, y, titles[i], new ClusterPlot.Options(Limits: frame.Limits), frame.Density);
    }

    private static MixtureView View(IMixtureModel model) => MixtureView.FromModel((GaussianMixtureModel)model);
}
