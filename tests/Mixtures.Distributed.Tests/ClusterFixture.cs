using System.Collections.Concurrent;
using Mixtures.Data;
using Orleans.TestingHost;

namespace Mixtures.Distributed.Tests;

/// <summary>
/// One in-process Orleans test cluster of three worker silos for every test of the collection (starting
/// silos is the expensive part). Workers open data by name from <see cref="Register"/>: the same rows
/// object the local fit reads, as a shared file system gives every node the same file.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    static readonly ConcurrentDictionary<string, IRowSource> Sources = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;
    public MixtureCluster Mixtures { get; private set; } = null!;

    public static ClusterData Register(string name, IRowSource rows)
    {
        Sources[name] = rows;
        return new ClusterData(name);
    }

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) => silo.AddMixturesWorker(new WorkerOptions
        {
            Open = data => Sources.TryGetValue(data.Path, out var rows) ? rows : throw new FileNotFoundException("No such test data.", data.Path),
            MaxThreads = 1,
        }));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Mixtures = new MixtureCluster(Cluster.Client);
    }

    public async Task DisposeAsync()
    {
        await Mixtures.DisposeAsync();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "three silos";
}
