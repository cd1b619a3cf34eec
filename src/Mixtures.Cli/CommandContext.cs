using System.CommandLine;
using Spectre.Console;

namespace Mixtures.Cli;

/// <summary>What a verb needs besides its own options: output mode and cancellation.</summary>
internal sealed class CommandContext(ParseResult parse, CancellationToken cancellationToken)
{
    public ParseResult Parse { get; } = parse;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The command's output files, staged and committed together (deleted when the command fails or is cancelled).</summary>
    public Io.OutputFiles Outputs { get; } = new(cancellationToken);
    public bool Json { get; } = parse.GetValue(GlobalOptions.Json);
    public bool Quiet { get; } = parse.GetValue(GlobalOptions.Quiet);
    public bool Verbose { get; } = parse.GetValue(GlobalOptions.Verbose);

    /// <summary>Human-readable output is wanted (neither --json nor --quiet).</summary>
    public bool Human => !Json && !Quiet;

    /// <summary>A live, animated display is allowed: a terminal on stdout and neither --json nor --quiet.</summary>
    public bool Live => Human && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public T Get<T>(Option<T> option) => Parse.GetValue(option)!;
    public T Get<T>(Argument<T> argument) => Parse.GetValue(argument)!;
}
