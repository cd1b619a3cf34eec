using System.Globalization;
using Mixtures.Cli.Families;
using Spectre.Console;

namespace Mixtures.Cli.Output;

/// <summary>Prints a fit's summary as Spectre.Console tables: components, then the fit's numbers.</summary>
internal static class FitSummaryPrinter
{
    private const int MaxFeatureColumns = 8;

    public static void Print(FitReport r)
    {
        var family = FamilyRegistry.Get(r.Family);
        var what = family.HasCovarianceTypes ? $"{family.DisplayName} mixture ({r.CovarianceType})" : $"{family.Name} mixture";
        var title = $"[bold]{r.NComponents}-component {what} on {r.NSamples} x {r.NFeatures}[/]";
        AnsiConsole.Write(Choose(r, title));

        var grid = new Grid().AddColumn(new GridColumn().PadRight(2)).AddColumn();
        grid.AddRow("converged", r.Converged ? "[green]yes[/]" : "[yellow]no[/] (raise --max-iter or --tol)");
        grid.AddRow("iterations", r.NIter.ToString(CultureInfo.InvariantCulture));
        if (r.EffectiveComponents is { } effective)
            grid.AddRow("effective components", $"{effective} of {r.NComponents} (weight >= {F(FitReport.OffWeight, "G")})");
        grid.AddRow("lower bound", F(r.LowerBound, "F6") + (r.Variational == true ? " (evidence lower bound, total over the data)" : " (mean log-likelihood per sample)"));
        if (r.Bic is { } bic) grid.AddRow("BIC", F(bic, "F3"));
        if (r.Aic is { } aic) grid.AddRow("AIC", F(aic, "F3"));
        grid.AddRow("seconds", F(r.FitSeconds, "F3"));
        if (r.Seed is { } seed) grid.AddRow("seed", seed.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("reseeds", r.Reseeds == 0 ? "0" : $"[yellow]{r.Reseeds}[/] (degenerate components were re-seeded)");
        if (r.Model is not null) grid.AddRow("model", Markup.Escape(r.Model));
        AnsiConsole.Write(grid);
    }

    /// <summary>
    /// One row per component when that fits the width, else one row per feature (also when there are many
    /// features, as digits' 64), else as many feature columns as fit: numbers and headers are never wrapped or cut.
    /// </summary>
    private static Spectre.Console.Rendering.IRenderable Choose(FitReport r, string title)
    {
        int width = AnsiConsole.Profile.Width;
        if (r.NFeatures <= MaxFeatureColumns && ComponentWidth(r, r.NFeatures) <= width) return ByComponent(r, title, r.NFeatures);
        if (FeatureWidth(r) <= width) return ByFeature(r, title);
        for (int shown = Math.Min(r.NFeatures, MaxFeatureColumns); shown >= 1; shown--)
            if (ComponentWidth(r, shown) <= width) return ByComponent(r, title, shown);
        return Plain(r, title);
    }

    /// <summary>A terminal too narrow for any table: one line per component, wrapped between numbers only.</summary>
    private static Rows Plain(FitReport r, string title) => new(
        new[] { new Markup(title) }.Concat(Enumerable.Range(0, r.NComponents).Select(k => new Markup(Markup.Escape(
            $"component {k}: weight {ConsoleLayout.Short(r.Weights[k])}; means " +
            string.Join(", ", Enumerable.Range(0, r.NFeatures).Select(j => $"{r.FeatureNames[j]} {ConsoleLayout.Short(r.Means[k][j])}")))))));

    /// <summary>Characters a rounded table needs: each column its widest cell plus padding and a border.</summary>
    private static int TableWidth(IEnumerable<int> columnWidths) => 1 + columnWidths.Sum(w => w + 3);

    private static int ComponentWidth(FitReport r, int shown) => TableWidth(
        new[] { "component".Length, Math.Max(6, r.Weights.Max(w => ConsoleLayout.Short(w).Length)) }
            .Concat(Enumerable.Range(0, shown).Select(j => Math.Max(("mean " + r.FeatureNames[j]).Length, r.Means.Max(m => ConsoleLayout.Short(m[j]).Length))))
            .Concat(shown < r.NFeatures ? [$"(+{r.NFeatures - shown} more)".Length] : []));

    private static int FeatureWidth(FitReport r) => TableWidth(
        new[] { Math.Max("weight".Length, r.FeatureNames.Max(n => n.Length + 5)) }
            .Concat(Enumerable.Range(0, r.NComponents).Select(k => Math.Max(ConsoleLayout.Short(r.Weights[k]).Length, r.Means[k].Max(v => ConsoleLayout.Short(v).Length)))));

    /// <summary>One row per component: weight and the means of the first <paramref name="shown"/> features.</summary>
    private static Table ByComponent(FitReport r, string title, int shown)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn(new TableColumn("component").NoWrap());
        table.AddColumn(ConsoleLayout.Number("weight"));
        for (int j = 0; j < shown; j++) table.AddColumn(ConsoleLayout.Number($"mean {Markup.Escape(r.FeatureNames[j])}"));
        if (shown < r.NFeatures) table.AddColumn(new TableColumn($"(+{r.NFeatures - shown} more)").NoWrap());
        for (int k = 0; k < r.NComponents; k++)
        {
            // A variational fit's switched-off components are marked, and fit the component column's width: the user looks for the ones that remain.
            bool off = r.Variational == true && r.Weights[k] < FitReport.OffWeight;
            var name = k.ToString(CultureInfo.InvariantCulture);
            var cells = new List<string> { off ? $"[grey]{name} (off)[/]" : name, ConsoleLayout.Short(r.Weights[k]) };
            for (int j = 0; j < shown; j++) cells.Add(ConsoleLayout.Short(r.Means[k][j]));
            if (shown < r.NFeatures) cells.Add("...");
            table.AddRow(cells.ToArray());
        }
        return table;
    }

    /// <summary>Many features (digits: 64): transposed, one row per feature and one column per component.</summary>
    private static Table ByFeature(FitReport r, string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        table.AddColumn(new TableColumn("").NoWrap());
        for (int k = 0; k < r.NComponents; k++) table.AddColumn(ConsoleLayout.Number(k.ToString(CultureInfo.InvariantCulture)));
        table.AddRow(new[] { "[bold]weight[/]" }.Concat(r.Weights.Select(ConsoleLayout.Short)).ToArray());
        for (int j = 0; j < r.NFeatures; j++)
            table.AddRow(new[] { "mean " + Markup.Escape(r.FeatureNames[j]) }.Concat(r.Means.Select(m => ConsoleLayout.Short(m[j]))).ToArray());
        return table;
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
