using Mixtures.Cli.Families;
using Mixtures.Cli.Fitting;
using Mixtures.Cli.Io;
using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>
/// Families with one parameter per component and feature (Bernoulli, Poisson) drawn as those parameters
/// (<see cref="ParameterPlot"/>), beside the data's per-component averages when there are data.
/// </summary>
/// <param name="styleOf">What the parameters of a model of the family are.</param>
internal sealed class ParameterPlotter(Func<IMixtureModel, ParameterStyle> styleOf) : FamilyPlotter
{
    public override ModelPicture Draw(IMixtureModel model, PlotRequest request)
    {
        if ((request.X ?? request.Y) is not null)
            throw new CliException($"--x/--y apply to Gaussian models; a {model.Family} model is drawn as its parameters over all features.");
        if (request.Contours || request.Uncertainty)
            throw new CliException($"--contours and --uncertainty apply to Gaussian models; a {model.Family} model is drawn as its parameters.");
        var style = styleOf(model);
        if (request.LogScale && style.Probabilities)
            throw new CliException($"--log-scale applies to Poisson rates; {model.Family} probabilities are drawn on [0, 1].");
        DataSet? ds = null;
        int[]? labels = null;
        string? note = null;
        if (request.DataPath is not null)
        {
            // A large file: the averages are over a fixed random subsample, and the picture and the verb say so.
            var drawn = PlotData.Load(model, request.DataPath, request.Columns, request.CancellationToken);
            ds = drawn.Data;
            note = drawn.Note;
            try
            {
                labels = model.Predict(ds.X);
            }
            catch (ArgumentException e)
            {
                throw DataMessages.Locate(e, ds);
            }
        }
        var title = request.Title ?? FamilyRegistry.Of(model).Title(model, request.DataPath is null ? null : Path.GetFileName(request.DataPath));
        if (note is not null) title += $" ({note})";
        var plot = ParameterPlot.Create(model, style, ds, labels, title, size: request.Size, logScale: request.LogScale);
        string family = model.Family, layout = ParameterPlot.DrawsImages(model, style) ? "images" : "heatmap";
        string? data = request.DataPath;
        return new ModelPicture(plot, $", {family} parameters as {layout}" + (note is null ? "" : $", {note}"), (output, width, height) => new { output, width, height, family, layout, data });
    }

    /// <summary>
    /// Each picture as <see cref="Draw"/> draws the model with its data, titled with the model on a second line
    /// (rather than one line the picture clips), on one colour scale for the whole series.
    /// </summary>
    public override IEnumerable<Plot> Series(IReadOnlyList<IMixtureModel> models, DataSet data, IReadOnlyList<string> titles)
    {
        var labels = models.Select(m => m.Predict(data.X)).ToArray();
        var scale = SharedScale(models, data, labels);
        for (int i = 0; i < models.Count; i++)
        {
            var title = $"{titles[i]}\n{FamilyRegistry.Of(models[i]).Title(models[i], null)}";
            yield return ParameterPlot.Create(models[i], styleOf(models[i]), data, labels[i], title, scale);
        }
    }

    /// <summary>The colour scale a model's picture (with these data and labels) uses on its own.</summary>
    public ScottPlot.Range Scale(IMixtureModel model, DataSet? data, int[]? labels) => ParameterPlot.Scale(model, styleOf(model), data, labels);

    /// <summary>One colour scale for a series (the union of every picture's own), so that a colour means the same value in every picture.</summary>
    public ScottPlot.Range SharedScale(IReadOnlyList<IMixtureModel> models, DataSet data, IReadOnlyList<int[]> labels)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (int i = 0; i < models.Count; i++)
        {
            var r = Scale(models[i], data, labels[i]);
            min = Math.Min(min, r.Min);
            max = Math.Max(max, r.Max);
        }
        return new ScottPlot.Range(min, max);
    }
}
