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
}
