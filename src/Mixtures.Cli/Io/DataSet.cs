using Mixtures.Data;

namespace Mixtures.Cli.Io;

/// <summary>A numeric table read from a file: rows are samples, columns features.</summary>
/// <param name="X">The feature values [N, D]; empty [0, D] when the rows are <see cref="Streamed"/>.</param>
/// <param name="FeatureNames">One name per column of <paramref name="X"/>.</param>
/// <param name="SampleWeights">Per-row weights from <c>--weights-column</c>, if any.</param>
/// <param name="Source">The file the data came from.</param>
internal sealed record DataSet(double[,] X, string[] FeatureNames, double[]? SampleWeights, string Source)
{
    /// <summary>The rows read from the file on every pass instead of held in <see cref="X"/>, or null.</summary>
    public IRowSource? Streamed { get; init; }

    /// <summary>Whether the rows are in <see cref="X"/>.</summary>
    public bool InMemory => Streamed is null;

    public int Rows => Streamed is null ? X.GetLength(0) : checked((int)Streamed.Rows);
    public int Columns => X.GetLength(1);

    /// <summary>The rows as the library reads them: the file-backed source, or the array with its weights.</summary>
    public IRowSource RowSource => Streamed ?? new ArrayRowSource(X, SampleWeights);

    /// <summary>A data set whose rows stay in the file.</summary>
    public static DataSet OfSource(IRowSource rows, string[] names, string source) =>
        new(new double[0, rows.Features], names, null, source) { Streamed = rows };

    /// <summary>The values of one column.</summary>
    public double[] Column(int j)
    {
        var c = new double[Rows];
        for (int i = 0; i < c.Length; i++) c[i] = X[i, j];
        return c;
    }

    /// <summary>Index of the named column, or a <see cref="CliException"/> listing the names there are.</summary>
    public int IndexOf(string name) => IndexOf(FeatureNames, name, Source);

    /// <summary>Index of the named column of a file with these column names (exact, then ignoring case, then a 0-based number).</summary>
    public static int IndexOf(IReadOnlyList<string> names, string name, string source)
    {
        var list = names.ToList();
        int j = list.FindIndex(n => string.Equals(n, name, StringComparison.Ordinal));
        if (j < 0) j = list.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (j < 0 && int.TryParse(name, out var idx) && idx >= 0 && idx < list.Count) j = idx;
        if (j < 0)
            throw new CliException($"{Path.GetFileName(source)}: no column '{name}'; the columns are {string.Join(", ", names.Select(n => $"'{n}'"))}.");
        return j;
    }
}
