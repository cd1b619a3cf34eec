using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// Three real `mixtures worker` processes on loopback ports and `mixtures fit --cluster`: the model file
/// matches the local fit's bit for bit, also when a worker is killed after the second pass (its chunks
/// go to the others, and `retries` in the --json report counts them). N rows x 16 columns, N from
/// MIXTURES_CLUSTER_ROWS (default 100 000 in the test suite; bench/cluster.sh runs 1 000 000).
/// Every process is stopped at the end, also when an assertion fails.
/// </summary>
public sealed partial class ClusterProcessTests
{
    static int Rows => int.TryParse(Environment.GetEnvironmentVariable("MIXTURES_CLUSTER_ROWS"), out int n) && n > 0 ? n : 100_000;

    /// <summary>Time allowed per fit: generous, and growing with N (a shared 2-core machine may be 20x slower than idle).</summary>
    static TimeSpan Budget => TimeSpan.FromMinutes(3 + Rows / 50_000.0);

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    [GeneratedRegex("\"fit_seconds\":\\s*[-+0-9.eE]+")]
    private static partial Regex FitSeconds();

    static string Model(string path) => FitSeconds().Replace(File.ReadAllText(path), "");

    /// <summary>Starts a worker and waits until it says it serves (or fails).</summary>
    static Process StartWorker(string dir, List<Process> started, int port, int gateway, int? join)
    {
        var args = new List<string> { "worker", "--port", port.ToString(), "--gateway-port", gateway.ToString(), "--threads", "1" };
        if (join is { } j) args.AddRange(["--join", $"127.0.0.1:{j}"]);
        var p = Tool.Start(dir, [.. args]);
        started.Add(p);
        var line = p.StandardError.ReadLineAsync();
        Assert.True(line.Wait(TimeSpan.FromSeconds(60)), "a worker did not start within 60 s");
        if (line.Result?.Contains("serving") != true)
        {
            p.WaitForExit(10_000);
            Assert.Fail($"worker: {line.Result} {(p.HasExited ? p.StandardError.ReadToEnd() : "")}");
        }
        _ = p.StandardError.ReadToEndAsync();   // drained: a full pipe must never block it
        _ = p.StandardOutput.ReadToEndAsync();
        return p;
    }

    [UnixFact]
    public void Three_workers_fit_bit_identically_and_survive_a_killed_worker()
    {
        using var tmp = new TempDir();
        var data = Signals.WriteBlobs(tmp.File("x.npy"), Rows, 16);
        var started = new List<Process>();
        try
        {
            int[] ports = [FreePort(), FreePort(), FreePort()], gateways = [FreePort(), FreePort(), FreePort()];
            StartWorker(tmp.Path, started, ports[0], gateways[0], null);
            StartWorker(tmp.Path, started, ports[1], gateways[1], ports[0]);
            var third = StartWorker(tmp.Path, started, ports[2], gateways[2], ports[0]);
            string cluster = string.Join(",", gateways.Select(g => $"127.0.0.1:{g}"));
            string[] fit = ["fit", data, "-k", "16", "--max-iter", "12", "--tol", "0", "--seed", "3"];

            var local = Tool.Run(tmp.Path, Budget, [.. fit, "-o", "local.json", "-q"]);
            Assert.True(local.ExitCode == 0, local.ToString());

            var remote = Tool.Run(tmp.Path, Budget, [.. fit, "-o", "remote.json", "--cluster", cluster, "--json"]);
            Assert.True(remote.ExitCode == 0, remote.ToString());
            Assert.Equal(Model(tmp.File("local.json")), Model(tmp.File("remote.json")));
            var report = JsonDocument.Parse(remote.Stdout).RootElement.GetProperty("cluster");
            Assert.Equal(3, report.GetProperty("nodes").GetInt32());
            Assert.Equal(0, report.GetProperty("retries").GetInt32());
            Assert.Equal(12, report.GetProperty("passes").GetInt32());
            Assert.Contains("pass 12:", remote.Stderr);
            Assert.Contains("on 3 workers", remote.Stderr);

            // The same fit, and the third worker killed as soon as the second pass is done.
            var run = Tool.Start(tmp.Path, [.. fit, "-o", "killed.json", "--cluster", cluster, "--json"]);
            started.Add(run);
            var stdout = run.StandardOutput.ReadToEndAsync();
            var stderr = new System.Text.StringBuilder();
            var killed = false;
            var reader = Task.Run(() =>
            {
                string? line;
                while ((line = run.StandardError.ReadLine()) is not null)
                {
                    lock (stderr) stderr.AppendLine(line);
                    if (!killed && line.StartsWith("pass 2:", StringComparison.Ordinal))
                    {
                        third.Kill(entireProcessTree: true);
                        killed = true;
                    }
                }
            });
            Assert.True(run.WaitForExit(Budget), $"the fit with a killed worker did not finish within {Budget}");
            reader.Wait(TimeSpan.FromSeconds(10));
            string err;
            lock (stderr) err = stderr.ToString();
            Assert.True(killed, err);
            Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {err}");
            Assert.Equal(Model(tmp.File("local.json")), Model(tmp.File("killed.json")));
            var afterKill = JsonDocument.Parse(stdout.Result).RootElement.GetProperty("cluster");
            Assert.True(afterKill.GetProperty("retries").GetInt32() > 0, err);
        }
        finally
        {
            foreach (var p in started)
            {
                try
                {
                    if (!p.HasExited) p.Kill(entireProcessTree: true);
                    p.WaitForExit(10_000);
                }
                catch (InvalidOperationException)
                {
                    // never started or already reaped
                }
                p.Dispose();
            }
        }
    }

    [UnixFact]
    public void A_worker_leaves_the_cluster_on_SIGTERM_and_exits_0()
    {
        using var tmp = new TempDir();
        var started = new List<Process>();
        try
        {
            var p = Tool.Start(tmp.Path, "worker", "--port", FreePort().ToString(), "--gateway-port", FreePort().ToString());
            started.Add(p);
            var first = p.StandardError.ReadLineAsync();
            Assert.True(first.Wait(TimeSpan.FromSeconds(60)) && first.Result?.Contains("serving") == true, "the worker did not start");
            var rest = p.StandardError.ReadToEndAsync();
            Signals.Send(p, "TERM");
            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(60)), "the worker did not stop within 60 s of SIGTERM");
            Assert.Equal(0, p.ExitCode);
            Assert.Contains("left the cluster", rest.Result);
        }
        finally
        {
            foreach (var p in started)
            {
                if (!p.HasExited) p.Kill(entireProcessTree: true);
                p.Dispose();
            }
        }
    }

    [Fact]
    public void No_live_worker_fails_with_exit_1_in_bounded_time()
    {
        using var tmp = new TempDir();
        var data = Signals.WriteBlobs(tmp.File("x.npy"), 5_000, 4);
        var clock = Stopwatch.StartNew();
        var r = Tool.Run(tmp.Path, TimeSpan.FromSeconds(90), "fit", data, "-k", "2", "--cluster", $"127.0.0.1:{FreePort()}");
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("No worker answered", r.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Csv_data_is_refused_on_a_cluster()
    {
        using var tmp = new TempDir();
        var r = Tool.Run(tmp.Path, "fit", Fixtures.Faithful, "-k", "2", "--cluster", "127.0.0.1:1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("every worker opens the data file itself", r.Stderr);
    }
}
