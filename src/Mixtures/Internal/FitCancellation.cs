namespace Mixtures.Internal;

/// <summary>
/// The cancellation token of the fit running on this logical call (it flows into Parallel.For workers
/// with the execution context). Kernels deep below the EM loop (Cholesky of a large D, the statistics of
/// a big chunk, k-means, k-means++) check it without a token parameter on every signature between them
/// and the public Fit: those signatures are shared by many families and change often, and a check that
/// costs one read every few milliseconds of work is all they need to stop within a fraction of a second.
/// </summary>
internal static class FitCancellation
{
    static readonly AsyncLocal<CancellationToken> Current = new();

    /// <summary>Makes <paramref name="token"/> the current token until the returned scope is disposed.</summary>
    public static Scope Enter(CancellationToken token)
    {
        var previous = Current.Value;
        Current.Value = token;
        return new Scope(previous);
    }

    /// <summary>The current fit's token (none outside a fit).</summary>
    public static CancellationToken Token => Current.Value;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the current fit was cancelled.</summary>
    public static void ThrowIfRequested() => Current.Value.ThrowIfCancellationRequested();

    /// <summary>Restores the token that was current before <see cref="Enter"/> (synchronous code keeps AsyncLocal changes).</summary>
    public readonly struct Scope(CancellationToken previous) : IDisposable
    {
        /// <summary>Restores the previous token.</summary>
        public void Dispose() => Current.Value = previous;
    }
}
