namespace Mixtures.Files;

/// <summary>Opens table files by extension after checking that the file starts with that format's magic bytes.</summary>
public static class TableFile
{
    /// <summary>The extensions <see cref="Open"/> reads directly (CSV is text, parsed by the caller).</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".npy", ".parquet", ".arrow", ".feather"];

    /// <summary>Whether <see cref="Open"/> reads files with this name.</summary>
    public static bool Handles(string path) =>
        Extensions.Contains(System.IO.Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Opens a .npy, .parquet, .arrow or .feather file. A file whose first bytes are not its extension's
    /// magic number is refused with a <see cref="TableFormatException"/> that names the format it looks like.
    /// </summary>
    public static ITableFile Open(string path)
    {
        var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        var actual = FileMagic.Sniff(path);
        var expected = ext switch
        {
            ".npy" => FileKind.Npy,
            ".parquet" => FileKind.Parquet,
            ".arrow" or ".feather" => FileKind.Arrow,
            _ => throw new ArgumentException($"{path}: not a table file extension ({string.Join(", ", Extensions)}).", nameof(path)),
        };
        bool matches = actual == expected || (expected == FileKind.Arrow && actual == FileKind.ArrowStream);
        if (!matches)
            throw new TableFormatException(path, null, null,
                $"the file does not start with the {FileMagic.Describe(expected)} magic bytes" +
                (actual is FileKind.Unknown ? "" : $"; it looks like {FileMagic.Describe(actual)}") + ".");
        return actual switch
        {
            FileKind.Npy => NpyTable.Open(path),
            FileKind.Parquet => ParquetTable.Open(path),
            FileKind.Arrow => ArrowTable.Open(path, stream: false),
            _ => ArrowTable.Open(path, stream: true),
        };
    }
}
