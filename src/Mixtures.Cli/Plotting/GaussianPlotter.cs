using Mixtures.Cli.Families;
using Mixtures.Cli.Io;
using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// Gaussian mixtures drawn over their data (<see cref="ModelPlot"/>): points coloured by component, sigma
/// ellipses and density contours on a pair of features, or densities over a histogram for one feature.
/// </summary>
internal sealed class GaussianPlotter : FamilyPlotter
{
    public override ModelPicture Draw(IMixtureModel model, PlotRequest request)
    {
        if (request.DataPath is null) throw new CliException("DATA is required to plot a Gaussian mixture (the points are drawn under it).");
        var ds = DataLoader.LoadFor(model, request.DataPath, request.Columns, request.CancellationToken);
        var (ix, iy) = ModelPlot.Axes(ds, request.X, request.Y);
        var title = request.Title ?? FamilyRegistry.Of(model).Title(model, Path.GetFileName(request.DataPath));
        var plot = ModelPlot.Create(View(model), ds, model.Predict(ds.X), ix, iy, title);
        string x = ds.FeatureNames[ix];
        string? y = ds.Columns > 1 ? ds.FeatureNames[iy] : null;
        return new ModelPicture(plot, "", (output, width, height) => new { output, width, height, x, y });
    }

    /// <summary>The first two features, in one frame for every picture, so that the series shows EM moving rather than the axes.</summary>
    public override IEnumerable<Plot> Series(IReadOnlyList<IMixtureModel> models, DataSet data, IReadOnlyList<string> titles)
    {
        var (x, y) = ModelPlot.Axes(data, null, null);
        AxisLimits? limits = data.Columns > 1 ? ClusterPlot.DataLimits(data.Column(x), data.Column(y)) : null;
        for (int i = 0; i < models.Count; i++)
            yield return ModelPlot.Create(View(models[i]), data, models[i].Predict(data.X), x, y, titles[i], limits);
    }

    private static MixtureView View(IMixtureModel model) => MixtureView.FromModel((GaussianMixtureModel)model);
}
