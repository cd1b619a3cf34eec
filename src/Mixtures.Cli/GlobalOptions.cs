using System.CommandLine;

namespace Mixtures.Cli;

/// <summary>Options every verb takes: --json, --quiet, --verbose.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON on stdout instead of tables.",
        Recursive = true,
    };

    public static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Print nothing but errors (and --json output); no live display.",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces with errors.",
        Recursive = true,
    };
}
