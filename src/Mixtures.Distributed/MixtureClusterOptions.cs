namespace Mixtures.Distributed;

/// <summary>How a coordinator reaches the workers and how long it waits for them.</summary>
public sealed class MixtureClusterOptions
{
    /// <summary>Orleans cluster id; the workers' (<c>mixtures worker</c> uses "mixtures").</summary>
    public string ClusterId { get; init; } = "mixtures";

    /// <summary>Orleans service id; the workers' (<c>mixtures worker</c> uses "mixtures").</summary>
    public string ServiceId { get; init; } = "mixtures";

    /// <summary>How long connecting to the gateways may take before the fit fails.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long one worker may take for its share of a pass before it counts as failed and its chunks go to
    /// another worker. Generous: a pass over a large share takes seconds; a dead worker is noticed sooner,
    /// when it stops answering pings (<see cref="LivenessPeriod"/>, <see cref="PingTimeout"/>).
    /// </summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the coordinator pings the workers it waits for.</summary>
    public TimeSpan LivenessPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A worker that does not answer a ping within this time counts as failed and its chunks go to another.</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
