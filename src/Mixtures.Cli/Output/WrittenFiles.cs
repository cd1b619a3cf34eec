namespace Mixtures.Cli.Output;

/// <summary>
/// The last lines of every verb: "wrote PATH", one per file it wrote (in the order staged), so that a user
/// sees where --history, --snapshots, --plot and -o went. Nothing with --json or --quiet; on stderr when stdout
/// carries an output ("-o -") or a result (score's number).
/// </summary>
internal static class WrittenFiles
{
    public static void Print(CommandContext ctx)
    {
        if (!ctx.Human) return;
        var to = ctx.Outputs.UsesStdout || ctx.Outputs.StdoutIsData ? Console.Error : Console.Out;
        foreach (var file in ctx.Outputs.Written) to.WriteLine($"wrote {file}");
    }
}
