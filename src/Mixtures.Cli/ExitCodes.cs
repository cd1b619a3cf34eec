namespace Mixtures.Cli;

/// <summary>Process exit codes of the tool.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int FitFailed = 1;
    public const int BadInput = 2;
    public const int Cancelled = 130;
}
