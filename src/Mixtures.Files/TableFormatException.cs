namespace Mixtures.Files;

/// <summary>
/// A table file that cannot be read as asked: wrong magic, truncated, a column that is not numeric, a null.
/// <see cref="Exception.Message"/> is one line that says what is wrong; <see cref="Path"/>, <see cref="Row"/>
/// and <see cref="Column"/> say where, so a caller can name them in its own terms.
/// </summary>
public sealed class TableFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The file.</param>
    /// <param name="row">1-based data row, or null when the problem is not in one row.</param>
    /// <param name="column">Column name, or null.</param>
    /// <param name="what">What is wrong, one line.</param>
    /// <param name="inner">The reader library's exception, if any.</param>
    public TableFormatException(string path, long? row, string? column, string what, Exception? inner = null)
        : base(what, inner)
    {
        Path = path;
        Row = row;
        Column = column;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>1-based data row, or null.</summary>
    public long? Row { get; }

    /// <summary>Column name, or null.</summary>
    public string? Column { get; }
}
