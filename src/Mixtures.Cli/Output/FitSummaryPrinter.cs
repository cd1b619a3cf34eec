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
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{r.NComponents}-component {what} on {r.NSamples} x {r.NFeatures}[/]");
        table.AddColumn("component");
        table.AddColumn(new TableColumn("weight").RightAligned());
        int shown = Math.Min(r.NFeatures, MaxFeatureColumns);
        for (int j = 0; j < shown; j++) table.AddColumn(new TableColumn($"mean {Markup.Escape(r.FeatureNames[j])}").RightAligned());
        if (shown < r.NFeatures) table.AddColumn($"(+{r.NFeatures - shown} more)");
        for (int k = 0; k < r.NComponents; k++)
        {
            var cells = new List<string> { k.ToString(CultureInfo.InvariantCulture), F(r.Weights[k], "F4") };
            for (int j = 0; j < shown; j++) cells.Add(F(r.Means[k][j], "G6"));
            if (shown < r.NFeatures) cells.Add("...");
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);

        var grid = new Grid().AddColumn(new GridColumn().PadRight(2)).AddColumn();
        grid.AddRow("converged", r.Converged ? "[green]yes[/]" : "[yellow]no[/] (raise --max-iter or --tol)");
        grid.AddRow("iterations", r.NIter.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("lower bound", F(r.LowerBound, "F6") + " (mean log-likelihood per sample)");
        grid.AddRow("BIC", F(r.Bic, "F3"));
        grid.AddRow("AIC", F(r.Aic, "F3"));
        grid.AddRow("seconds", F(r.FitSeconds, "F3"));
        grid.AddRow("reseeds", r.Reseeds == 0 ? "0" : $"[yellow]{r.Reseeds}[/] (degenerate components were re-seeded)");
        if (r.Model is not null) grid.AddRow("model", Markup.Escape(r.Model));
        AnsiConsole.Write(grid);
    }

    private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
}
