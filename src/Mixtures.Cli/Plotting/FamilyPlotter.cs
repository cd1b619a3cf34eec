using Mixtures.Cli.Io;
using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>How a family's models are drawn: one picture for <c>mixtures plot</c>, a series for <c>fit --snapshots</c>.</summary>
internal abstract class FamilyPlotter
{
    /// <summary><c>plot MODEL [DATA]</c>: the picture of <paramref name="model"/> and what the verb reports about it.</summary>
    public abstract ModelPicture Draw(IMixtureModel model, PlotRequest request);

    /// <summary><c>fit --snapshots</c>: one picture per model of one fit, drawn alike so that they compare.</summary>
    /// <param name="models">The fit at successive iterations.</param>
    /// <param name="data">The data fitted.</param>
    /// <param name="titles">Each picture's title (its iteration and lower bound).</param>
    public abstract IEnumerable<Plot> Series(IReadOnlyList<IMixtureModel> models, DataSet data, IReadOnlyList<string> titles);
}
