using Microsoft.Extensions.DependencyInjection;
using Mixtures.Distributed.Protocol;
using Mixtures.Distributed.Worker;

namespace Mixtures.Distributed;

/// <summary>Makes an Orleans silo a Mixtures worker.</summary>
public static class WorkerHosting
{
    /// <summary>
    /// Adds the worker grain, its placement (one per silo) and the job state to the silo. Clustering
    /// (development, Redis, ADO.NET ...) is the host's choice and is configured as usual.
    /// </summary>
    public static ISiloBuilder AddMixturesWorker(this ISiloBuilder builder, WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<WorkerJobs>();
        builder.Services.AddPlacementDirector<SiloPinnedPlacement, SiloPinnedPlacementDirector>();
        return builder;
    }
}
