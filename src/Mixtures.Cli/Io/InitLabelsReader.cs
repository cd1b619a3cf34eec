using System.Globalization;

namespace Mixtures.Cli.Io;

/// <summary>
/// Reads <c>fit --init-labels FILE</c>: a CSV with a header line and one integer label per data row, in data
/// order, which the fit starts from (the library's <see cref="MixtureOptions.InitialLabels"/>). Every error
/// names the file and, for a bad label, its data row (1-based, the header not counted, as data rows are).
/// </summary>
internal static class InitLabelsReader
{
    /// <param name="path">The --init-labels file.</param>
    /// <param name="rows">The data's row count: the file must have one label for each.</param>
    /// <param name="components">-k, when given: labels must lie in 0..K-1 (else K is the largest label + 1).</param>
    public static int[] Read(string path, int rows, int? components)
    {
        DataLoader.RequireReadable(path);
        // A blank line after the last label is the file's end, not a row; a blank line between labels is a row without one.
        var lines = File.ReadLines(path).Skip(1).Select(l => l.Trim()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count != rows)
            throw CliException.InFile(path, null, null, $"{lines.Count} labels after the header line, but the data has {rows} rows.");
        var labels = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            var text = lines[i].Trim('"');
            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out labels[i]))
                throw CliException.InFile(path, i + 1, null, $"'{text}' is not an integer label.");
            if (labels[i] < 0)
                throw CliException.InFile(path, i + 1, null, $"label {labels[i]} is negative; labels are 0..K-1.");
        }
        int k = components ?? labels.Max() + 1;
        int bad = Array.FindIndex(labels, l => l >= k);
        if (bad >= 0)
            throw CliException.InFile(path, bad + 1, null, $"label {labels[bad]} is outside 0..{k - 1} (-k {k}).");
        return labels;
    }

    /// <summary>
    /// Reads <c>select --init-labels FILE</c>: a CSV with a header line and one or more columns, each a labelling
    /// of the data rows (labels 0, 1, ...); the labelling whose largest label is G - 1 starts the fits with K = G.
    /// </summary>
    /// <param name="path">The --init-labels file.</param>
    /// <param name="rows">The data's row count: every column must have one label for each.</param>
    /// <returns>The labellings by their number of components.</returns>
    public static Dictionary<int, int[]> ReadByComponents(string path, int rows)
    {
        DataLoader.RequireReadable(path);
        var all = File.ReadLines(path).ToList();
        if (all.Count == 0) throw CliException.InFile(path, null, null, "the file is empty; it needs a header line and one label per data row.");
        var header = all[0].Split(',');
        var lines = all.Skip(1).Select(l => l.Trim()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count != rows)
            throw CliException.InFile(path, null, null, $"{lines.Count} label rows after the header line, but the data has {rows} rows.");
        var columns = new int[header.Length][];
        for (int c = 0; c < header.Length; c++) columns[c] = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != header.Length)
                throw CliException.InFile(path, i + 1, null, $"{cells.Length} labels, but the header names {header.Length} columns.");
            for (int c = 0; c < cells.Length; c++)
            {
                var text = cells[c].Trim().Trim('"');
                if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out columns[c][i]))
                    throw CliException.InFile(path, i + 1, null, $"'{text}' is not an integer label.");
                if (columns[c][i] < 0)
                    throw CliException.InFile(path, i + 1, null, $"label {columns[c][i]} is negative; labels are 0..K-1.");
            }
        }
        var byK = new Dictionary<int, int[]>();
        for (int c = 0; c < columns.Length; c++)
        {
            int k = columns[c].Max() + 1;
            if (!byK.TryAdd(k, columns[c]))
                throw CliException.InFile(path, null, null, $"two columns label the rows with K = {k} components; give one labelling per K.");
        }
        return byK;
    }
}
