using System.Diagnostics;

namespace Mixtures.Cli.Tests.Infrastructure;

/// <summary>Runs the built tool (<c>dotnet Mixtures.Cli.dll</c>, copied next to the tests) as a separate process.</summary>
public static class Tool
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "Mixtures.Cli.dll");

    private static string DotNet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static CliResult Run(string workDir, params string[] args) => Run(workDir, TimeSpan.FromSeconds(60), args);

    public static CliResult Run(string workDir, TimeSpan timeout, params string[] args) => Run(workDir, timeout, null, args);

    /// <summary>Runs the tool with extra environment variables (for example COLUMNS).</summary>
    public static CliResult Run(string workDir, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var p = Start(workDir, environment, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"mixtures {string.Join(' ', args)} did not finish in {timeout}.");
        }
        p.WaitForExit();
        return new CliResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts the tool with redirected output (the caller reads and waits).</summary>
    public static Process Start(string workDir, params string[] args) => Start(workDir, null, args);

    /// <summary>Starts the tool with redirected output and extra environment variables.</summary>
    public static Process Start(string workDir, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        StartWith(workDir, null, environment, args);

    /// <summary>Starts the tool through <paramref name="wrapper"/> (say, <c>setsid</c>), which execs it.</summary>
    public static Process StartWith(string workDir, string? wrapper, params string[] args) => StartWith(workDir, wrapper, null, args);

    private static Process StartWith(string workDir, string? wrapper, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var psi = new ProcessStartInfo(wrapper ?? DotNet)
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (wrapper is not null) psi.ArgumentList.Add(DotNet);
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start the tool");
    }
}
