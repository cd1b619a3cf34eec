using System.Globalization;
using Mixtures.Cli.Io;
using Mixtures.Distributed;
using Mixtures.Files;

namespace Mixtures.Cli.Fitting;

/// <summary>
/// <c>fit --cluster HOST:GATEWAY[,...]</c>: connects to the workers, runs the fit with its EM passes on them
/// (every other flag keeps its meaning: the fit itself is the same call) and prints one line per pass with
/// its time and the number of workers.
/// </summary>
internal static class ClusterFitRunner
{
    /// <summary>The gateways of --cluster, checked.</summary>
    public static string[] Gateways(string value)
    {
        var list = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (list.Length == 0) throw new CliException("--cluster needs HOST:GATEWAY[,HOST:GATEWAY...].");
        foreach (var g in list) Commands.WorkerCommand.ParseEndpoint(g, "--cluster");
        return list;
    }

    /// <summary>Workers open the file themselves: it must be a format read in place, at the same path on every node.</summary>
    public static ClusterData Data(string path, ColumnSelection selection)
    {
        if (path == "-" || !TableFile.Handles(path))
            throw new CliException($"--cluster: every worker opens the data file itself, so it must be {string.Join(", ", TableFile.Extensions)} (CSV is parsed per process; convert it first).");
        return new ClusterData(Path.GetFullPath(path), selection.Columns?.ToArray(), selection.WeightsColumn);
    }

    public static (IMixtureModel Model, ClusterFitReport Report) Fit(string cluster, ClusterData data, Func<IMixtureModel> fit, bool print, CancellationToken ct)
    {
        var gateways = Gateways(cluster);
        MixtureCluster connection;
        try
        {
            connection = MixtureCluster.ConnectAsync(gateways, ct: ct).GetAwaiter().GetResult();
        }
        catch (ClusterUnavailableException e)
        {
            throw new CliException(e.Message, ExitCodes.FitFailed, e);
        }
        try
        {
            var progress = print ? new PassPrinter() : null;
            var result = connection.Fit(data, fit, progress);
            var r = result.Report;
            if (print)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cluster: {r.Nodes} workers, {r.Chunks} chunks, {r.Passes} passes, {r.Retries} retries; compute {r.ComputeSeconds:F2} s, transfer {r.TransferSeconds:F2} s, merge {r.MergeSeconds:F3} s"));
            return (result.Model, r);
        }
        catch (ClusterUnavailableException e)
        {
            throw new CliException(e.Message, ExitCodes.FitFailed, e);
        }
        finally
        {
            connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>One line on stderr per pass, as it ends.</summary>
    sealed class PassPrinter : IProgress<ClusterPass>
    {
        public void Report(ClusterPass p) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pass {p.Pass}: {p.Seconds:F3} s on {p.Workers} worker{(p.Workers == 1 ? "" : "s")} (compute {p.ComputeSeconds:F3} s, transfer {p.TransferSeconds:F3} s, merge {p.MergeSeconds:F4} s{(p.Retries > 0 ? $", {p.Retries} chunk retries" : "")})"));
    }
}
