namespace Mixtures.Cli.Tests.Infrastructure;

/// <summary>What one run of the tool did.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}
