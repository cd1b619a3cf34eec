using System.CommandLine;

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
            Console.Error.WriteLine($"mixtures{verb}: {ErrorReporter.OneLine(parse.Errors[0].Message)} (see 'mixtures{verb} --help')");
            return ExitCodes.BadInput;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
}
