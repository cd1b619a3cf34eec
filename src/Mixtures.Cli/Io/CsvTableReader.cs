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
    /// <summary>
    /// Longest CSV row read, in characters: the reader's buffer grows to it from 64 Ki, so a 10,000-column
    /// row at full precision (about 250,000 characters) reads, and a file without line breaks fails with a message.
    /// </summary>
    public const int MaxRowChars = 64 << 20;

    /// <summary>Receives each data row's feature values (valid during the call) and its weight (1 without a weights column).</summary>
    public delegate void RowSink(ReadOnlySpan<double> values, double weight);

    public static DataSet Read(string path, ColumnSelection selection, CancellationToken cancellationToken = default)
    {
        using var text = OpenText(path);
        return Read(text, path, selection, cancellationToken);
    }

    /// <summary>Opens a CSV file (or stdin for "-") as strict UTF-8 text, after refusing compressed and binary table files by their magic bytes.</summary>
    public static TextReader OpenText(string path)
    {
        if (path == "-") return new StreamReader(Console.OpenStandardInput(), StrictUtf8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        DataLoader.RequireReadable(path);
        var kind = Mixtures.Files.FileMagic.Sniff(path);
        if (Mixtures.Files.FileMagic.IsCompressed(kind))
            throw CliException.InFile(path, null, null, $"the file is compressed ({Mixtures.Files.FileMagic.Describe(kind)}), not CSV text; decompress it first (for example gunzip -k).");
        if (kind is not Mixtures.Files.FileKind.Unknown)
            throw CliException.InFile(path, null, null, $"the file is {Mixtures.Files.FileMagic.Describe(kind)}, not CSV text; give it its format's extension.");
        return new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true, 1 << 16);
    }

    /// <summary>UTF-8 that throws on invalid bytes, so that a Latin-1 header is not read as "caf\uFFFD".</summary>
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>Reads CSV text into memory; <paramref name="path"/> names the source in messages.</summary>
    public static DataSet Read(TextReader text, string path, ColumnSelection selection, CancellationToken cancellationToken = default)
    {
        var values = new List<double>();
        List<double>? weights = null;
        var (names, rows, weighted) = ReadRows(text, path, selection, (v, w) =>
        {
            foreach (var x in v) values.Add(x);
            weights?.Add(w);
        }, cancellationToken, (_, w) => weights = w ? [] : null);
        int d = names.Length;
        var x = new double[rows, d];
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values).CopyTo(System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref x[0, 0], x.Length));
        return new DataSet(x, names, weighted ? weights!.ToArray() : null, path);
    }

    /// <summary>Parses CSV text once into a temporary binary file in <paramref name="directory"/> that the fit streams every pass.</summary>
    public static DataSet Spill(string path, ColumnSelection selection, string directory, CancellationToken cancellationToken = default)
    {
        using var text = OpenText(path);
        Mixtures.Files.RowSpillFile? spill = null;
        try
        {
            var (names, _, _) = ReadRows(text, path, selection, (v, w) => spill!.Append(v, w), cancellationToken,
                (d, weighted) => spill = new Mixtures.Files.RowSpillFile(directory, d, weighted));
            spill!.Complete();
            return DataSet.OfSource(spill, names, path);
        }
        catch
        {
            spill?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Parses every data row, checking it, and hands it to <paramref name="sink"/>; <paramref name="start"/> learns the
    /// feature count and whether rows are weighted before the first row. Returns the feature names and row count.
    /// </summary>
    public static (string[] Names, long Rows, bool Weighted) ReadRows(TextReader text, string path, ColumnSelection selection, RowSink sink,
        CancellationToken cancellationToken, Action<int, bool>? start = null)
    {
        var position = new long[1];
        try
        {
            return ReadCore(text, path, selection, position, sink, cancellationToken, start);
        }
        catch (DecoderFallbackException)
        {
            long? row = position[0] > 1 ? position[0] - 1 : null;
            throw CliException.InFile(path, row, null,
                $"the {(row is null ? "header" : "row")} is not valid UTF-8 text; convert the file to UTF-8 (for example iconv -f latin1 -t utf-8).");
        }
        catch (Exception e) when (e is CsvFormatException or CsvConfigurationException)
        {
            // Malformed CSV (a quote in the middle of a field, a record larger than the reader's buffer, ...).
            long? row = position[0] > 0 ? position[0] : null;
            if (e.Message.Contains("MaxBufferSize", StringComparison.Ordinal))
                throw CliException.InFile(path, row, null, $"a row is longer than {MaxRowChars >> 20} Mi characters, the most a CSV row may have (is the file missing line breaks?).");
            throw CliException.InFile(path, row, null, $"malformed CSV: {ErrorReporter.OneLine(e.Message)}");
        }
    }

    private static (string[] Names, long Rows, bool Weighted) ReadCore(TextReader text, string path, ColumnSelection selection, long[] position,
        RowSink sink, CancellationToken cancellationToken, Action<int, bool>? start)
    {
        using var reader = Open(text, path);
        var header = ReadHeader(reader, path);
        var (featureIdx, weightIdx) = Resolve(header, selection, path);
        int d = featureIdx.Length;
        start?.Invoke(d, weightIdx >= 0);

        var values = new double[d];
        long row = 0, blankRun = 0;
        position[0] = 1;
        while (reader.Read())
        {
            row++;
            position[0] = row + 1;
            if ((row & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (reader.RowFieldCount == 1 && reader.GetFieldSpan(0).IsWhiteSpace())
            {
                // A blank line: skipped with several columns; with one column it is an empty cell unless only
                // blank lines follow (a file that ends in blank lines), which is known only at the next data line.
                blankRun++;
                row--;
                continue;
            }
            if (blankRun > 0 && header.Length == 1)
                throw CliException.InFile(path, row, header[featureIdx[0]], "empty cell; remove the row or impute a value.");
            blankRun = 0;
            if (reader.RowFieldCount != header.Length)
                throw CliException.InFile(path, row, null,
                    $"{reader.RowFieldCount} field{(reader.RowFieldCount == 1 ? "" : "s")} but the header has {header.Length} columns (a ragged row).");
            for (int j = 0; j < d; j++)
                values[j] = ParseCell(reader, featureIdx[j], header, path, row);
            double w = 1;
            if (weightIdx >= 0)
            {
                w = ParseCell(reader, weightIdx, header, path, row);
                if (w < 0) throw CliException.InFile(path, row, header[weightIdx], $"sample weight {Fmt(w)} is negative.");
            }
            sink(values, w);
        }
        if (row == 0) throw CliException.InFile(path, null, null, "no data rows after the header.");
        return (featureIdx.Select(i => header[i]).ToArray(), row, weightIdx >= 0);
    }

    private static CsvDataReader Open(TextReader text, string path)
    {
        try
        {
            return CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = true,
                Culture = CultureInfo.InvariantCulture,
                BufferSize = 1 << 16,
                MaxBufferSize = MaxRowChars,
            });
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
        // .NET's parser accepts trailing NUL characters ("3\0" is 3): a NUL in a cell is corruption, not padding.
        if (span.Contains('\0'))
            throw CliException.InFile(path, row, header[j], $"'{Clip(span.ToString())}' is not a number (it contains a NUL byte).");
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
