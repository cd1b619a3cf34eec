using Mixtures.Data;

namespace Mixtures.Files;

/// <summary>
/// An open table file: named numeric columns of <see cref="RowCount"/> rows. Opening reads only the
/// header or footer; values are read when a row source made by <see cref="Select"/> is read.
/// </summary>
public interface ITableFile : IDisposable
{
    /// <summary>The file.</summary>
    string Path { get; }

    /// <summary>Column names in file order.</summary>
    IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Number of data rows.</summary>
    long RowCount { get; }

    /// <summary>
    /// Rows of the given feature columns (by index into <see cref="ColumnNames"/>, in this order) and,
    /// when <paramref name="weightsColumn"/> is not negative, that column as per-row weights. Each reader
    /// of the source opens its own handle and holds at most one block of the file (a Parquet row group,
    /// an Arrow record batch) besides the rows asked for. A column that is not numeric is refused here;
    /// a null is reported when its row is read.
    /// </summary>
    IRowSource Select(IReadOnlyList<int> featureColumns, int weightsColumn = -1);
}
