using Mixtures.Files;

namespace Mixtures.Cli.Io;

/// <summary>
/// Loads a data file by its extension: <c>.npy</c> as NumPy, <c>.parquet</c>, <c>.arrow</c> and <c>.feather</c>
/// through Mixtures.Files, anything else (and "-", stdin) as CSV with a header row; into memory, or streamed.
/// </summary>
internal static class DataLoader
{
    /// <summary>Reads the chosen columns into memory.</summary>
    public static DataSet Load(string path, ColumnSelection selection, CancellationToken cancellationToken = default)
    {
        if (IsNpy(path)) return NpyReader.Read(path, selection, cancellationToken);
        if (TableFile.Handles(path))
        {
            RequireReadable(path);
            return TableLoader.Load(path, selection, cancellationToken);
        }
        return CsvTableReader.Read(path, selection, cancellationToken);
    }

    /// <summary>
    /// The chosen columns streamed from the file on every pass: .npy, Parquet and Arrow are read where they
    /// are; CSV (and stdin) is parsed once into a temporary binary file in <paramref name="tempDir"/>, and so are
    /// Parquet and Arrow blocks as the first pass decodes them when <paramref name="manyPasses"/> (a fit).
    /// </summary>
    public static DataSet Open(string path, ColumnSelection selection, string tempDir, CancellationToken cancellationToken = default, bool manyPasses = true)
    {
        if (IsNpy(path) || TableFile.Handles(path))
        {
            RequireReadable(path);
            var (rows, names) = TableLoader.Open(path, selection, manyPasses ? tempDir : null);
            return DataSet.OfSource(rows, names, path);
        }
        return CsvTableReader.Spill(path, selection, tempDir, cancellationToken);
    }

    /// <summary>
    /// Bytes the chosen rows would take in memory, estimated without reading them (a CSV's text is at
    /// least as long as its doubles in binary, so its size bounds them); null when unknown (stdin).
    /// </summary>
    public static long? InMemoryBytes(string path, ColumnSelection selection)
    {
        if (path == "-" || !File.Exists(path)) return null;
        if (!IsNpy(path) && !TableFile.Handles(path)) return new FileInfo(path).Length;
        try
        {
            using var table = TableFile.Open(path);
            int columns = selection.Columns?.Count ?? table.ColumnNames.Count;
            return table.RowCount * columns * sizeof(double);
        }
        catch (TableFormatException)
        {
            return null; // reported with its message when the file is read
        }
    }

    /// <summary>
    /// Whether to stream: always with <paramref name="force"/> (--out-of-core), otherwise when the data would
    /// take more than half of the memory the process may use (the GC's figure follows cgroup limits); says so on stderr.
    /// </summary>
    public static bool ShouldStream(string path, ColumnSelection selection, bool force, bool quiet)
    {
        if (force) return true;
        long? bytes = InMemoryBytes(path, selection);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (bytes is null || bytes <= available / 2) return false;
        if (!quiet)
            Console.Error.WriteLine($"{Path.GetFileName(path)}: the data ({bytes >> 20} MiB) would take more than half of the available memory ({available >> 20} MiB); streaming it from the file (as --out-of-core).");
        return true;
    }

    /// <summary>Where a CSV's temporary binary copy goes: --temp-dir, else next to the output, else the system's temp directory.</summary>
    public static string TempDirectory(string? tempDir, string? outPath)
    {
        if (tempDir is not null)
        {
            if (!Directory.Exists(tempDir)) throw new CliException($"--temp-dir {tempDir}: no such directory.");
            return tempDir;
        }
        var dir = outPath is null || outPath == "-" ? null : Path.GetDirectoryName(Path.GetFullPath(outPath));
        return dir is not null && Directory.Exists(dir) ? dir : Path.GetTempPath();
    }

    /// <summary>Throws a one-line <see cref="CliException"/> when the file is missing, a directory or empty.</summary>
    public static void RequireReadable(string path)
    {
        if (Directory.Exists(path)) throw new CliException($"{path}: is a directory, not a data file.");
        if (!File.Exists(path))
            throw new CliException(path.Contains('\uFFFD')
                ? $"{path}: file not found; its name is not valid UTF-8 as given (.NET cannot open such a name: rename the file)."
                : $"{path}: file not found.");
        if (new FileInfo(path).Length == 0) throw CliException.InFile(path, null, null, "the file is empty.");
    }

    /// <summary>
    /// Loads data for a fitted model: by default the model's feature columns when the file has them all,
    /// otherwise every column; then checks the column count against the model. Streams the rows when
    /// <paramref name="stream"/> (CSV through a temporary file in <paramref name="tempDir"/>).
    /// </summary>
    public static DataSet LoadFor(IMixtureModel model, string path, IReadOnlyList<string>? columns, CancellationToken ct = default,
        bool stream = false, string? tempDir = null)
    {
        DataSet Read(ColumnSelection s) => stream ? Open(path, s, tempDir ?? Path.GetTempPath(), ct, manyPasses: false) : Load(path, s, ct);
        DataSet data;
        if (columns is null && model.FeatureNames is { Length: > 0 } names && !IsNpy(path))
        {
            var header = ColumnNames(path);
            if (header is not null && names.All(header.Contains) && !names.SequenceEqual(header))
                data = Read(new ColumnSelection(names));
            else if (header is null && !stream)
            {
                data = Load(path, ColumnSelection.All, ct);
                if (names.All(n => data.FeatureNames.Contains(n)) && !names.SequenceEqual(data.FeatureNames))
                    data = Select(data, names);
            }
            else data = Read(ColumnSelection.All);
        }
        else
        {
            data = Read(new ColumnSelection(columns));
        }
        if (data.Columns != model.Features)
            throw new CliException(
                $"{Path.GetFileName(path)}: {data.Columns} feature columns but the model was fitted on {model.Features}" +
                (model.FeatureNames is { } fn ? $" ({string.Join(", ", fn)})" : "") + "; pick them with --columns.");
        return data;
    }

    /// <summary>The column names of a Parquet or Arrow file, read from its schema; null for other files.</summary>
    private static string[]? ColumnNames(string path)
    {
        if (!TableFile.Handles(path) || IsNpy(path) || !File.Exists(path)) return null;
        try
        {
            using var table = TableFile.Open(path);
            return [.. table.ColumnNames];
        }
        catch (TableFormatException e)
        {
            throw TableLoader.Translate(e);
        }
    }

    private static bool IsNpy(string path) => Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase);

    private static DataSet Select(DataSet data, string[] names)
    {
        var idx = names.Select(data.IndexOf).ToArray();
        var x = new double[data.Rows, idx.Length];
        for (int i = 0; i < data.Rows; i++)
            for (int j = 0; j < idx.Length; j++)
                x[i, j] = data.X[i, idx[j]];
        return data with { X = x, FeatureNames = names };
    }
}
