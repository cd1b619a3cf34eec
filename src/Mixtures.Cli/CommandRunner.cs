using System.CommandLine;

namespace Mixtures.Cli;

/// <summary>Runs a verb's body, turning every failure into one line on stderr and an exit code.</summary>
internal static class CommandRunner
{
    /// <summary>Attaches <paramref name="body"/> as the command's action.</summary>
    public static void SetBody(Command command, Func<CommandContext, int> body) =>
        command.SetAction((parse, ct) => Task.Run(() => Run(parse, ct, body), CancellationToken.None));

    private static int Run(ParseResult parse, CancellationToken ct, Func<CommandContext, int> body)
    {
        bool verbose = parse.GetValue(GlobalOptions.Verbose);
        Output.ConsoleLayout.Configure();
        var ctx = new CommandContext(parse, ct);
        bool done = false;
        try
        {
            int code = body(ctx);
            ctx.Outputs.Commit();   // for a verb that did not commit before printing
            done = code == ExitCodes.Success;   // a failure reported by exit code also takes back its empty directories
            Output.WrittenFiles.Print(ctx);   // every verb ends with the files it wrote
            return code;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Console.Error.WriteLine("mixtures: cancelled; no output file was written or changed.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            var (code, message) = ErrorReporter.Classify(e);
            Console.Error.WriteLine($"mixtures {parse.CommandResult.Command.Name}: {message}");
            if (verbose) Console.Error.WriteLine(e);
            return code;
        }
        finally
        {
            ctx.Outputs.Dispose();
            if (!done) Io.OutputPath.RemoveCreated();   // no half-made output directories after a failure
        }
    }
}
