using System.CommandLine;
using Mixtures.Cli.Commands;

namespace Mixtures.Cli;

/// <summary>Builds the command tree of the tool.</summary>
internal static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("mixtures: fit, apply and draw mixture models (Gaussian mixtures by EM).");
        root.Options.Add(GlobalOptions.Json);
        root.Options.Add(GlobalOptions.Quiet);
        root.Options.Add(GlobalOptions.Verbose);
        root.Subcommands.Add(FitCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(SampleCommand.Create());
        root.Subcommands.Add(SelectCommand.Create());
        root.Subcommands.Add(PlotCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        return root;
    }
}
