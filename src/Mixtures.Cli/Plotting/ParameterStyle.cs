namespace Mixtures.Cli.Plotting;

/// <summary>What a family's parameters are, for <see cref="ParameterPlot"/>'s labels, colours and data averages.</summary>
/// <param name="Parameter">What a model's cell holds: "P(x = 1)".</param>
/// <param name="DataAverage">What a data cell holds, the average of the rows a component explains: "fraction of 1s".</param>
/// <param name="ColourBar">The label of a heatmap's colour bar.</param>
/// <param name="Probabilities">Values in [0, 1]: one fixed colour scale, and features that form a square drawn as images.</param>
/// <param name="DataThreshold">Data values &gt;= this count as 1 in the averages (the model's binarize threshold), if any.</param>
internal sealed record ParameterStyle(string Parameter, string DataAverage, string ColourBar, bool Probabilities, double? DataThreshold = null);
