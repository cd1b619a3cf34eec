namespace Mixtures.Internal.Remote;

/// <summary>
/// Runs the E-step and statistics pass of one EM iteration somewhere else (Mixtures.Distributed: on worker
/// grains). It returns one <see cref="ChunkOutcome"/> per chunk of the plan, in any order; the loop merges
/// them in chunk order and runs the M-step itself, so the fit is the same as a local one.
/// </summary>
internal interface IRemotePasses<TParams> where TParams : class
{
    IReadOnlyList<ChunkOutcome> Run(TParams parameters, CancellationToken ct);

    /// <summary>The loop merged the outcomes of the last <see cref="Run"/> in <paramref name="elapsed"/>.</summary>
    void Merged(TimeSpan elapsed);
}

/// <summary>Creates the remote pass runner of a fit; <c>toModel</c> turns parameters into the model sent to the workers.</summary>
internal interface IRemotePassFactory
{
    IRemotePasses<TParams> Create<TParams>(Func<TParams, MixtureModel> toModel, long rows, int features, int chunks) where TParams : class;
}

/// <summary>
/// The remote pass factory of the fits started on this async flow (set by Mixtures.Distributed around a
/// public Fit call), so that the public estimators need no distributed parameter and fits without it
/// are untouched.
/// </summary>
internal static class RemoteFit
{
    static readonly AsyncLocal<IRemotePassFactory?> Ambient = new();

    public static IRemotePassFactory? Current => Ambient.Value;

    public static IDisposable Enter(IRemotePassFactory factory)
    {
        var previous = Ambient.Value;
        Ambient.Value = factory;
        return new Scope(previous);
    }

    sealed class Scope(IRemotePassFactory? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
