namespace Mixtures.Cli.Plotting;

/// <summary>What <c>mixtures plot</c> asks of a family's plotter.</summary>
/// <param name="DataPath">The DATA argument (some families draw without it).</param>
/// <param name="Columns">--columns: which of the file's columns are the model's features.</param>
/// <param name="X">--x: the feature on the horizontal axis.</param>
/// <param name="Y">--y: the feature on the vertical axis.</param>
/// <param name="Title">--title, or null for the model's own.</param>
/// <param name="CancellationToken">Cancels loading the data.</param>
internal sealed record PlotRequest(string? DataPath, IReadOnlyList<string>? Columns, string? X, string? Y, string? Title,
    CancellationToken CancellationToken)
{
    /// <summary>--contours: density contours under the ellipses (Gaussian, two features).</summary>
    public bool Contours { get; init; }

    /// <summary>--uncertainty: points sized by their classification uncertainty (Gaussian, two features).</summary>
    public bool Uncertainty { get; init; }

    /// <summary>The canvas the picture will be saved at, when --width or --height was given; else null (a grid of images takes its natural size).</summary>
    public (int Width, int Height)? Size { get; init; }

    /// <summary>--log-scale: a logarithmic colour scale (Poisson rates).</summary>
    public bool LogScale { get; init; }
}
