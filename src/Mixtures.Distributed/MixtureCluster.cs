using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mixtures.Distributed.Coordinator;
using Mixtures.Internal.Remote;
using Orleans.Configuration;

namespace Mixtures.Distributed;

/// <summary>
/// A connection to a cluster of Mixtures workers (Orleans silos started with
/// <see cref="WorkerHosting.AddMixturesWorker"/>, such as <c>mixtures worker</c>), on which fits run:
/// <see cref="Fit{TModel}"/> runs any estimator's Fit with its EM passes computed by the workers and
/// merged here in chunk order, so the model is bit-identical to a fit in this process.
/// </summary>
public sealed class MixtureCluster : IAsyncDisposable
{
    readonly IHost? _host;

    /// <summary>Uses a client the caller connected (and disposes of).</summary>
    public MixtureCluster(IClusterClient client, MixtureClusterOptions? options = null)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Options = options ?? new MixtureClusterOptions();
    }

    MixtureCluster(IHost host, MixtureClusterOptions options) : this(host.Services.GetRequiredService<IClusterClient>(), options) => _host = host;

    internal IClusterClient Client { get; }
    internal MixtureClusterOptions Options { get; }

    /// <summary>
    /// Connects to the workers' gateways ("host:port", at least one of them must answer); fails with
    /// <see cref="ClusterUnavailableException"/> within <see cref="MixtureClusterOptions.ConnectTimeout"/> when none does.
    /// </summary>
    public static async Task<MixtureCluster> ConnectAsync(IEnumerable<string> gateways, MixtureClusterOptions? options = null, CancellationToken ct = default)
    {
        options ??= new MixtureClusterOptions();
        var list = gateways.ToArray();
        if (list.Length == 0) throw new ArgumentException("At least one gateway HOST:PORT is needed.", nameof(gateways));
        var endpoints = new IPEndPoint[list.Length];
        for (int i = 0; i < list.Length; i++) endpoints[i] = await Resolve(list[i], ct);
        var host = new HostBuilder()
            .UseOrleansClient(client => client
                .UseStaticClustering(endpoints)
                .Configure<ClusterOptions>(o => { o.ClusterId = options.ClusterId; o.ServiceId = options.ServiceId; })
                .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.CallTimeout))
            .ConfigureLogging(l => l.ClearProviders())
            .Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            host.Dispose();
            throw new ClusterUnavailableException($"No worker answered at {string.Join(", ", list)}: {Describe(e)}", e);
        }
        return new MixtureCluster(host, options);
    }

    static string Describe(Exception e) => e is OperationCanceledException ? "timed out" : e.GetBaseException().Message;

    /// <summary>Parses "host:port" (an IP address or a name that resolves).</summary>
    static async Task<IPEndPoint> Resolve(string gateway, CancellationToken ct)
    {
        int colon = gateway.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(gateway.AsSpan(colon + 1), out int port) || port is < 1 or > 65535)
            throw new ArgumentException($"'{gateway}' is not HOST:PORT.", nameof(gateway));
        string name = gateway[..colon].Trim('[', ']');
        if (IPAddress.TryParse(name, out var ip)) return new IPEndPoint(ip, port);
        var addresses = await Dns.GetHostAddressesAsync(name, ct);
        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"'{name}' does not resolve to an address.", nameof(gateway));
        return new IPEndPoint(chosen, port);
    }

    /// <summary>
    /// Runs <paramref name="fit"/> (a call of any estimator's Fit on rows this process can read: it still checks
    /// and initializes there) with every EM pass computed by the workers, which read the same rows from
    /// <paramref name="data"/>. Throws <see cref="ClusterUnavailableException"/> when no worker is left.
    /// </summary>
    public ClusterFit<TModel> Fit<TModel>(ClusterData data, Func<TModel> fit, IProgress<ClusterPass>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        var session = new FitSession(this, data, progress);
        TModel model;
        using (RemoteFit.Enter(session)) model = fit();
        return new ClusterFit<TModel>(model, session.Report());
    }

    /// <summary>Disconnects (when this instance connected).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_host is null) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _host.StopAsync(timeout.Token);
        }
        catch (Exception)
        {
            // Leaving a cluster whose gateways are gone must not hide the fit's own outcome.
        }
        _host.Dispose();
    }
}

/// <summary>A model fitted on a cluster and what the cluster did.</summary>
public sealed record ClusterFit<TModel>(TModel Model, ClusterFitReport Report);
