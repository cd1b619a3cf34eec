using System.CommandLine;
using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mixtures.Cli.Io;
using Mixtures.Distributed;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Mixtures.Cli.Commands;

/// <summary>
/// <c>mixtures worker --port P --gateway-port G [--join HOST:PORT]</c>: one Orleans silo that computes EM
/// passes for <c>mixtures fit --cluster</c>, until Ctrl-C or SIGTERM, when it leaves the cluster cleanly.
/// Without --join it is the primary of a development cluster (Orleans' localhost clustering, whose
/// membership lives in the primary); --membership redis uses a Redis membership table instead, with no
/// primary to lose.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Silo-to-silo port of this worker.", Required = true };
        var gateway = new Option<int>("--gateway-port") { Description = "Port on which coordinators (mixtures fit --cluster) connect.", Required = true };
        var join = new Option<string?>("--join") { Description = "HOST:PORT of the primary worker's silo port (development clustering); without it this worker is the primary." };
        var membership = new Option<string>("--membership")
        {
            Description = "Membership provider: dev (localhost clustering, the default) or redis (production; give --membership-connection).",
            DefaultValueFactory = _ => "dev",
        }.AcceptOnlyFromAmong("dev", "redis");
        var connection = new Option<string?>("--membership-connection") { Description = "Connection string of the membership store (redis: host:port[,options])." };
        var threads = new Option<int?>("--threads") { Description = "Threads per pass on this worker (default: one per core)." };
        var clusterId = new Option<string>("--cluster-id") { Description = "Orleans cluster id (coordinators use the same).", DefaultValueFactory = _ => "mixtures" };
        var command = new Command("worker", "Run one worker (an Orleans silo) for 'mixtures fit --cluster' until Ctrl-C or SIGTERM.")
        { port, gateway, join, membership, connection, threads, clusterId };

        // Not CommandRunner.SetBody: a signal is how a worker ends normally (exit 0 once it has left the
        // cluster), not a cancelled verb, and a worker has no output files to commit.
        command.SetAction((parse, ct) => Task.Run(() =>
        {
            var ctx = new CommandContext(parse, ct);
            try
            {
                return Serve(ctx);
            }
            catch (Exception e)
            {
                var (code, message) = ErrorReporter.Classify(e);
                Console.Error.WriteLine($"mixtures worker: {message}");
                if (parse.GetValue(GlobalOptions.Verbose)) Console.Error.WriteLine(e);
                return code;
            }
            finally
            {
                ctx.Outputs.Dispose();
            }
        }, CancellationToken.None));
        return command;

        int Serve(CommandContext ctx)
        {
            int p = ctx.Get(port), g = ctx.Get(gateway);
            if (p is < 1 or > 65535) throw new CliException($"--port {p}: a TCP port is 1 to 65535.");
            if (g is < 1 or > 65535 || g == p) throw new CliException($"--gateway-port {g}: a TCP port 1 to 65535 other than --port.");
            if (ctx.Get(threads) is < 1) throw new CliException("--threads must be at least 1.");
            string mode = ctx.Get(membership);
            var conn = ctx.Get(connection);
            var joinAt = ctx.Get(join);
            if (mode == "redis" && string.IsNullOrWhiteSpace(conn)) throw new CliException("--membership redis needs --membership-connection HOST:PORT.");
            if (mode == "redis" && joinAt is not null) throw new CliException("--join is for development clustering; with --membership redis every worker finds the others in Redis.");
            IPEndPoint? primary = joinAt is null ? null : ParseEndpoint(joinAt, "--join");
            string id = ctx.Get(clusterId);

            var options = new WorkerOptions { Open = Open, MaxThreads = ctx.Get(threads) };
            var host = new HostBuilder()
                .UseOrleans(silo =>
                {
                    if (mode == "redis")
                    {
                        silo.UseRedisClustering(conn!)
                            .ConfigureEndpoints(p, g)
                            .Configure<ClusterOptions>(o => { o.ClusterId = id; o.ServiceId = id; });
                    }
                    else silo.UseLocalhostClustering(p, g, primary, id, id);
                    silo.AddMixturesWorker(options);
                })
                .ConfigureLogging(l => l.ClearProviders())
                .Build();
            try
            {
                host.StartAsync(ctx.CancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new CliException($"the worker could not start on ports {p}/{g}: {e.GetBaseException().Message}", ExitCodes.FitFailed, e);
            }
            if (!ctx.Quiet)
                Console.Error.WriteLine($"mixtures worker: serving on silo port {p}, gateway port {g}{(primary is null ? mode == "dev" ? " (primary)" : "" : $", joined {joinAt}")}; Ctrl-C or SIGTERM stops it.");
            ctx.CancellationToken.WaitHandle.WaitOne();
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                host.StopAsync(stop.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (!ctx.Quiet) Console.Error.WriteLine($"mixtures worker: leaving the cluster failed ({e.GetBaseException().Message}); stopping anyway.");
            }
            try
            {
                host.Dispose();
            }
            catch (Exception)
            {
                // Disposal after a stop that timed out may throw; the process ends either way.
            }
            if (!ctx.Quiet) Console.Error.WriteLine("mixtures worker: left the cluster.");
            return ExitCodes.Success;
        }
    }

    /// <summary>The rows a coordinator names, read from the file where they are (the same path on every node).</summary>
    static Mixtures.Data.IRowSource Open(ClusterData data)
    {
        var (rows, _) = TableLoader.Open(data.Path, new ColumnSelection(data.Columns, data.WeightsColumn));
        return rows;
    }

    public static IPEndPoint ParseEndpoint(string text, string flag)
    {
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out int port) || port is < 1 or > 65535)
            throw new CliException($"{flag} {text}: expected HOST:PORT.");
        string host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip)) return new IPEndPoint(ip, port);
        try
        {
            var address = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? throw new CliException($"{flag} {text}: {host} has no IPv4 address.");
            return new IPEndPoint(address, port);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new CliException($"{flag} {text}: {e.Message}");
        }
    }
}
