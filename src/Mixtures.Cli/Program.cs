using System.CommandLine;
using System.Runtime.InteropServices;

namespace Mixtures.Cli;

/// <summary>Entry point of the <c>mixtures</c> tool.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = CliApp.Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var verb = parse.CommandResult.Command == root ? "" : " " + parse.CommandResult.Command.Name;
            Console.Error.WriteLine($"mixtures{verb}: {ParseMessages.Describe(parse, root)} (see 'mixtures{verb} --help')");
            return ExitCodes.BadInput;
        }

        // Ctrl-C / SIGTERM cancel the running verb, which deletes its temporary files and exits with 130;
        // a second signal ends the process at once, deleting the temporary files first (the runtime's own
        // handling of a second SIGINT would leave them).
        using var cancel = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            if (!cancel.IsCancellationRequested)
            {
                cancel.Cancel();
                return;
            }
            Mixtures.Serialization.AtomicFile.DeletePending();
            Console.Error.WriteLine("mixtures: cancelled again; stopped at once, no output file was written or changed.");
            Environment.Exit(ExitCodes.Cancelled);
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(config, cancel.Token);
    }
}
