using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace Mixtures.Cli.Io;

/// <summary>
/// Reads a numeric CSV file with a header row. Every problem is reported as a <see cref="CliException"/>
/// naming the file, the data row (1-based, header not counted) and the column.
/// </summary>
internal static class CsvTableReader
{
    public static DataSet Read(string path, ColumnSelection selection, CancellationToken cancellationToken = default)
    {
        DataLoader.RequireReadable(path);
        using var text = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        return Read(text, path, selection, cancellationToken);
    }

    /// <summary>Reads CSV text; <paramref name="path"/> names the source in messages.</summary>
    public static DataSet Read(TextReader text, string path, ColumnSelection selection, CancellationToken cancellationToken = default)
    {
        var position = new long[1];
        try
        {
            return ReadCore(text, path, selection, position, cancellationToken);
        }
        catch (Exception e) when (e is CsvFormatException or CsvConfigurationException or DecoderFallbackException)
        {
            // Malformed CSV (a quote in the middle of a field, a record larger than the reader's buffer, ...).
            long? row = position[0] > 0 ? position[0] : null;
            throw CliException.InFile(path, row, null, $"malformed CSV: {ErrorReporter.OneLine(e.Message)}");
        }
    }

    private static DataSet ReadCore(TextReader text, string path, ColumnSelection selection, long[] position, CancellationToken cancellationToken)
    {
        using var reader = Open(text, path);
        var header = ReadHeader(reader, path);
        var (featureIdx, weightIdx) = Resolve(header, selection, path);
        int d = featureIdx.Length;

        var values = new double[Math.Max(256, d * 16)]; // grows with the rows read, never with what a header claims
        var weights = weightIdx >= 0 ? new List<double>() : null;
        long row = 0;
        position[0] = 1;
        while (reader.Read())
        {
            row++;
            position[0] = row + 1;
            if ((row & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (reader.RowFieldCount == 1 && header.Length > 1 && reader.GetFieldSpan(0).IsWhiteSpace())
            {
                row--; // a blank line (for example at the end of the file)
                continue;
            }
            if (reader.RowFieldCount != header.Length)
                throw CliException.InFile(path, row, null,
                    $"{reader.RowFieldCount} field{(reader.RowFieldCount == 1 ? "" : "s")} but the header has {header.Length} columns (a ragged row).");
            long offset = (row - 1) * d;
            if (offset + d > values.Length) Array.Resize(ref values, (int)Math.Min(Array.MaxLength, Math.Max(values.Length * 2L, offset + d)));
            for (int j = 0; j < d; j++)
                values[offset + j] = ParseCell(reader, featureIdx[j], header, path, row);
            if (weights is not null)
            {
                double w = ParseCell(reader, weightIdx, header, path, row);
                if (w < 0) throw CliException.InFile(path, row, header[weightIdx], $"sample weight {Fmt(w)} is negative.");
                weights.Add(w);
            }
        }
        if (row == 0) throw CliException.InFile(path, null, null, "no data rows after the header.");

        var x = new double[row, d];
        Buffer.BlockCopy(values, 0, x, 0, checked((int)(row * d * sizeof(double))));
        var names = featureIdx.Select(i => header[i]).ToArray();
        return new DataSet(x, names, weights?.ToArray(), path);
    }

    private static CsvDataReader Open(TextReader text, string path)
    {
        try
        {
            return CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Culture = CultureInfo.InvariantCulture });
        }
        catch (CsvMissingHeadersException)
        {
            throw CliException.InFile(path, null, null, "the file is empty; expected a header row of column names.");
        }
        catch (IOException e)
        {
            throw CliException.InFile(path, null, null, $"cannot read the file: {e.Message}");
        }
    }

    private static string[] ReadHeader(CsvDataReader reader, string path)
    {
        var header = new string[reader.FieldCount];
        if (header.Length == 0) throw CliException.InFile(path, null, null, "the file is empty; expected a header row of column names.");
        for (int j = 0; j < header.Length; j++)
        {
            header[j] = reader.GetName(j).Trim();
            if (header[j].Length == 0) header[j] = $"column{j + 1}";
        }
        var dup = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw CliException.InFile(path, null, dup.Key, "the header names this column more than once.");
        return header;
    }

    private static (int[] Features, int Weights) Resolve(string[] header, ColumnSelection selection, string path)
    {
        int Find(string name, string what)
        {
            int j = Array.IndexOf(header, name);
            if (j < 0) j = Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
            if (j < 0)
                throw CliException.InFile(path, null, null,
                    $"no column '{name}' ({what}); the header has {string.Join(", ", header.Select(h => $"'{h}'"))}.");
            return j;
        }

        int w = selection.WeightsColumn is null ? -1 : Find(selection.WeightsColumn, "--weights-column");
        int[] features = selection.Columns is { } cols
            ? cols.Select(c => Find(c, "--columns")).ToArray()
            : Enumerable.Range(0, header.Length).Where(j => j != w).ToArray();
        if (features.Length == 0) throw CliException.InFile(path, null, null, "no feature columns to read.");
        if (w >= 0 && features.Contains(w))
            throw CliException.InFile(path, null, header[w], "is both a feature column and the --weights-column.");
        return (features, w);
    }

    private static double ParseCell(CsvDataReader reader, int j, string[] header, string path, long row)
    {
        var span = reader.GetFieldSpan(j).Trim();
        if (span.IsEmpty) throw CliException.InFile(path, row, header[j], "empty cell; remove the row or impute a value.");
        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !TryInfinity(span, out v))
            throw CliException.InFile(path, row, header[j], $"'{Clip(span.ToString())}' is not a number.");
        if (!double.IsFinite(v))
            throw CliException.InFile(path, row, header[j], $"'{Clip(span.ToString())}' is not a finite number; remove the row or impute a value.");
        return v;
    }

    /// <summary>NumPy's and R's spellings of infinity ("inf", "-Inf"), which .NET does not parse: recognised, to be refused as not finite.</summary>
    private static bool TryInfinity(ReadOnlySpan<char> span, out double v)
    {
        var t = span.TrimStart('+');
        bool negative = t.StartsWith("-");
        if (negative) t = t[1..];
        bool inf = t.Equals("inf", StringComparison.OrdinalIgnoreCase) || t.Equals("infinity", StringComparison.OrdinalIgnoreCase);
        v = inf ? (negative ? double.NegativeInfinity : double.PositiveInfinity) : 0;
        return inf;
    }

    private static string Clip(string s) => s.Length <= 40 ? s : s[..37] + "...";

    private static string Fmt(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
