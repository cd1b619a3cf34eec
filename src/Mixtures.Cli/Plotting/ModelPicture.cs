using ScottPlot;

namespace Mixtures.Cli.Plotting;

/// <summary>A model drawn for <c>mixtures plot</c>, with what the verb reports about it.</summary>
/// <param name="Plot">The picture.</param>
/// <param name="Details">Added to "wrote FILE (W x H": how the model was drawn ("" when there is nothing to add).</param>
/// <param name="Json">The --json report for the file written, its width and its height.</param>
internal sealed record ModelPicture(Plot Plot, string Details, Func<string, int, int, object> Json);
