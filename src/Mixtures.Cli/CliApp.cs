using System.CommandLine;
using Mixtures.Cli.Commands;
using Mixtures.Cli.Families;

namespace Mixtures.Cli;

/// <summary>Builds the command tree of the tool.</summary>
internal static class CliApp
{
    /// <summary>
    /// The root is a plain command named "mixtures" (a RootCommand takes its name from the assembly,
    /// Mixtures.Cli, which help would show), with help and version options added by hand.
    /// </summary>
    public static Command Build()
    {
        var families = string.Join(", ", FamilyRegistry.All.Select(f => f.DisplayName));
        var root = new Command("mixtures", $"Fit, apply and draw mixture models fitted by EM ({families}).");
        root.Options.Add(new System.CommandLine.Help.HelpOption());
        root.Options.Add(new VersionOption());
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
        root.Subcommands.Add(WorkerCommand.Create());
        return root;
    }
}
