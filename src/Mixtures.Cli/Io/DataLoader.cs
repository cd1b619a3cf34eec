namespace Mixtures.Cli.Io;

/// <summary>Loads a data file by its extension: <c>.npy</c> as NumPy, anything else as CSV with a header row.</summary>
internal static class DataLoader
{
    public static DataSet Load(string path, ColumnSelection selection, CancellationToken cancellationToken = default) =>
        Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase)
            ? NpyReader.Read(path, selection, cancellationToken)
            : CsvTableReader.Read(path, selection, cancellationToken);

    /// <summary>Throws a one-line <see cref="CliException"/> when the file is missing, a directory or empty.</summary>
    public static void RequireReadable(string path)
    {
        if (Directory.Exists(path)) throw new CliException($"{path}: is a directory, not a data file.");
        if (!File.Exists(path)) throw new CliException($"{path}: file not found.");
        if (new FileInfo(path).Length == 0) throw CliException.InFile(path, null, null, "the file is empty.");
    }

    /// <summary>
    /// Loads data for a fitted model: by default the model's feature columns when the file has them all,
    /// otherwise every column; then checks the column count against the model.
    /// </summary>
    public static DataSet LoadFor(IMixtureModel model, string path, IReadOnlyList<string>? columns, CancellationToken ct = default)
    {
        DataSet data;
        if (columns is null && model.FeatureNames is { Length: > 0 } names && !IsNpy(path))
        {
            data = Load(path, ColumnSelection.All, ct);
            if (names.All(n => data.FeatureNames.Contains(n)) && !names.SequenceEqual(data.FeatureNames))
                data = Select(data, names);
        }
        else
        {
            data = Load(path, new ColumnSelection(columns), ct);
        }
        if (data.Columns != model.Features)
            throw new CliException(
                $"{Path.GetFileName(path)}: {data.Columns} feature columns but the model was fitted on {model.Features}" +
                (model.FeatureNames is { } fn ? $" ({string.Join(", ", fn)})" : "") + "; pick them with --columns.");
        return data;
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
