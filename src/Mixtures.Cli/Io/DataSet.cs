namespace Mixtures.Cli.Io;

/// <summary>A numeric table read from a file: rows are samples, columns features.</summary>
/// <param name="X">The feature values [N, D].</param>
/// <param name="FeatureNames">One name per column of <paramref name="X"/>.</param>
/// <param name="SampleWeights">Per-row weights from <c>--weights-column</c>, if any.</param>
/// <param name="Source">The file the data came from.</param>
internal sealed record DataSet(double[,] X, string[] FeatureNames, double[]? SampleWeights, string Source)
{
    public int Rows => X.GetLength(0);
    public int Columns => X.GetLength(1);

    /// <summary>The values of one column.</summary>
    public double[] Column(int j)
    {
        var c = new double[Rows];
        for (int i = 0; i < c.Length; i++) c[i] = X[i, j];
        return c;
    }

    /// <summary>Index of the named column, or a <see cref="CliException"/> listing the names there are.</summary>
    public int IndexOf(string name)
    {
        int j = Array.FindIndex(FeatureNames, n => string.Equals(n, name, StringComparison.Ordinal));
        if (j < 0) j = Array.FindIndex(FeatureNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (j < 0 && int.TryParse(name, out var idx) && idx >= 0 && idx < Columns) j = idx;
        if (j < 0)
            throw new CliException($"{Path.GetFileName(Source)}: no column '{name}'; the columns are {string.Join(", ", FeatureNames.Select(n => $"'{n}'"))}.");
        return j;
    }
}
