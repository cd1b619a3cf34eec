using Mixtures.Internal.Remote;

namespace Mixtures.Distributed.Coordinator;

/// <summary>
/// One distributed fit as the library's fit driver sees it (the ambient <see cref="IRemotePassFactory"/>):
/// creates the pass runner for the fit and adds up what every pass did.
/// </summary>
internal sealed class FitSession(MixtureCluster cluster, ClusterData data, IProgress<ClusterPass>? progress) : IRemotePassFactory
{
    readonly object _gate = new();
    readonly HashSet<string> _nodes = [];
    readonly Guid _job = Guid.NewGuid();
    int _chunks, _retries, _passes;
    double _compute, _transfer, _merge;

    public IRemotePasses<TParams> Create<TParams>(Func<TParams, MixtureModel> toModel, long rows, int features, int chunks) where TParams : class
    {
        lock (_gate) _chunks = chunks;
        return new ClusterPasses<TParams>(cluster, this, _job, data, toModel, rows, features, chunks);
    }

    public IProgress<ClusterPass>? Progress => progress;

    internal int Retries
    {
        get { lock (_gate) return _retries; }
    }

    internal void AddRetries(int chunks)
    {
        lock (_gate) _retries += chunks;
    }

    internal int Record(IEnumerable<string> nodes, double compute, double transfer, double merge)
    {
        lock (_gate)
        {
            _nodes.UnionWith(nodes);
            _compute += compute;
            _transfer += transfer;
            _merge += merge;
            return ++_passes;
        }
    }

    public ClusterFitReport Report()
    {
        lock (_gate) return new ClusterFitReport(_nodes.Count, _chunks, _retries, _passes, _compute, _transfer, _merge);
    }
}
