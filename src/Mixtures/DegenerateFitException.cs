namespace Mixtures;

/// <summary>
/// A fit that cannot go on: a covariance that is not positive definite after regularization, or a
/// component that keeps collapsing. The message names the component and what to try.
/// </summary>
public sealed class DegenerateFitException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public DegenerateFitException(string message, int component) : base(message) => Component = component;

    /// <summary>The zero-based index of the component that failed (-1 for a shared covariance).</summary>
    public int Component { get; }
}
