namespace Mixtures.Cli;

/// <summary>
/// An error the tool reports as one line on stderr and turns into an exit code
/// (<see cref="ExitCodes.BadInput"/> for bad usage or data, <see cref="ExitCodes.FitFailed"/> for a failed fit).
/// </summary>
internal sealed class CliException : Exception
{
    public CliException(string message, int exitCode = ExitCodes.BadInput, Exception? inner = null)
        : base(message, inner) => ExitCode = exitCode;

    public int ExitCode { get; }

    /// <summary>An error about the content of a file: "FILE, row R, column 'C': what is wrong".</summary>
    public static CliException InFile(string file, long? row, string? column, string what)
    {
        var where = Path.GetFileName(file);
        if (row is not null) where += $", row {row}";
        if (column is not null) where += $", column '{column}'";
        return new CliException($"{where}: {what}");
    }
}
