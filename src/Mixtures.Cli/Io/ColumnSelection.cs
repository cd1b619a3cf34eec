namespace Mixtures.Cli.Io;

/// <summary>Which columns of an input file become features, and which one holds sample weights.</summary>
/// <param name="Columns">Feature columns by name, in this order; null: every column but the weights column.</param>
/// <param name="WeightsColumn">Name of the column of per-row sample weights, or null.</param>
internal sealed record ColumnSelection(IReadOnlyList<string>? Columns = null, string? WeightsColumn = null)
{
    public static readonly ColumnSelection All = new();

    /// <summary>Splits "a,b" and repeated values into one list; null when nothing was given.</summary>
    public static IReadOnlyList<string>? Parse(string[]? values)
    {
        if (values is null || values.Length == 0) return null;
        var list = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        return list.Count == 0 ? null : list;
    }
}
