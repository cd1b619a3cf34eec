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
        if (column is not null) where += $", column '{Printable(column)}'";
        return new CliException($"{where}: {Printable(what)}");
    }

    /// <summary>Control characters (a newline inside a quoted name, a NUL byte) escaped, so the message stays one line.</summary>
    public static string Printable(string text)
    {
        if (!text.Any(char.IsControl)) return text;
        var b = new System.Text.StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (!char.IsControl(c)) b.Append(c);
            else b.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:x4}" });
        }
        return b.ToString();
    }
}
