using System.CommandLine;
using System.Globalization;
using Mixtures.Cli.Fitting;
using Mixtures.Cli.Io;
using Mixtures.Cli.Output;
using Mixtures.Cli.Plotting;
using Mixtures.Serialization;
using Spectre.Console;

namespace Mixtures.Cli.Commands;

/// <summary><c>mixtures select DATA --k 1..10 [--covariance-types ...] [--criterion bic|aic] [--plot FILE]</c>.</summary>
internal static class SelectCommand
{
    public static Command Create()
    {
        var data = new Argument<string>("DATA") { Description = "Data file: CSV with a header row, or .npy." };
        var ks = new Option<string>("--k", "-k") { Description = "Component counts to try: 1..10, 2,4,8 or a mix.", DefaultValueFactory = _ => "1..10" };
        var types = new Option<string>("--covariance-types")
        { Description = "Comma-separated covariance types to try.", DefaultValueFactory = _ => "full,tied,diag,spherical" };
        var criterion = new Option<string>("--criterion")
        { Description = "Information criterion to minimize.", DefaultValueFactory = _ => "bic" }.AcceptOnlyFromAmong("bic", "aic");
        var plot = new Option<string?>("--plot") { Description = "Draw the criterion against K to this .png/.svg." };
        var weights = new Option<string?>("--weights-column") { Description = "Column of non-negative per-row sample weights." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the best model's JSON here." };
        var set = new FitOptionSet();
        var command = new Command("select", "Fit a grid of K and covariance types; pick the best by BIC or AIC.") { data, ks, types, criterion, plot };
        set.AddTo(command, family: false);
        command.Options.Add(weights);
        command.Options.Add(output);

        CommandRunner.SetBody(command, ctx =>
        {
            var plotPath = ctx.Get(plot);
            if (plotPath is not null) PlotFile.Validate(plotPath, "--plot");
            var outPath = ctx.Get(output);
            if (outPath is not null) AtomicWriter.RequireDirectory(outPath);
            var kList = KRange.Parse(ctx.Get(ks));
            var typeList = ParseTypes(ctx.Get(types));
            var crit = ctx.Get(criterion);
            var options = set.Bind(ctx);
            var dataPath = ctx.Get(data);
            var ds = DataLoader.Load(dataPath, new ColumnSelection(ColumnSelection.Parse(ctx.Get(set.Columns)), ctx.Get(weights)), ctx.CancellationToken);

            var entries = ModelSelector.Run(ds, kList, typeList, options, ctx.Live, ctx.CancellationToken);
            var best = ModelSelector.Best(entries, crit)
                ?? throw new CliException($"every fit failed; the first: {entries[0].Error}", ExitCodes.FitFailed);
            ctx.CancellationToken.ThrowIfCancellationRequested();

            if (outPath is not null) AtomicWriter.WriteText(outPath, w => w.Write(MixtureModelJson.ToJson(best.Model!)));
            if (plotPath is not null)
            {
                var series = typeList.Select(t =>
                {
                    var ok = entries.Where(e => e.Type == t && e.Model is not null).ToList();
                    return (FitOptionSet.Name(t), ok.Select(e => (double)e.K).ToArray(), ok.Select(e => e.Criterion(crit)).ToArray());
                }).Where(s => s.Item2.Length > 0).ToList();
                var p = CriterionPlot.Create(series, crit, (best.K, best.Criterion(crit), FitOptionSet.Name(best.Type)),
                    $"Model selection on {Path.GetFileName(dataPath)} ({ds.Rows} x {ds.Columns})");
                PlotFile.Save(p, plotPath, PlotStyle.DefaultWidth, PlotStyle.DefaultHeight);
            }

            if (ctx.Json) JsonOut.Write(ToJson(entries, best, crit, outPath));
            else if (!ctx.Quiet) PrintTable(entries, best, crit, kList, typeList);
            return ExitCodes.Success;
        });
        return command;
    }

    internal static List<CovarianceType> ParseTypes(string text)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var bad = names.FirstOrDefault(n => !FitOptionSet.CovarianceNames.Contains(n.ToLowerInvariant()));
        if (names.Length == 0 || bad is not null)
            throw new CliException($"--covariance-types '{text}': use a comma-separated list of {string.Join(", ", FitOptionSet.CovarianceNames)}.");
        return names.Select(FitOptionSet.ParseCovariance).Distinct().ToList();
    }

    internal static object ToJson(List<SelectionEntry> entries, SelectionEntry best, string crit, string? output) => new
    {
        criterion = crit,
        best = new { k = best.K, covariance_type = FitOptionSet.Name(best.Type), value = best.Criterion(crit), bic = best.Bic, aic = best.Aic },
        model = output,
        results = entries.Select(e => new
        {
            k = e.K,
            covariance_type = FitOptionSet.Name(e.Type),
            bic = e.Model is null ? (double?)null : e.Bic,
            aic = e.Model is null ? (double?)null : e.Aic,
            lower_bound = e.Model?.LowerBound,
            converged = e.Model?.Converged,
            n_iter = e.Model?.Iterations,
            error = e.Error,
        }),
    };

    internal static void PrintTable(List<SelectionEntry> entries, SelectionEntry best, string crit, List<int> ks, List<CovarianceType> types)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{crit.ToUpperInvariant()} by K and covariance type (lower is better)[/]");
        table.AddColumn(new TableColumn("K").RightAligned());
        foreach (var t in types) table.AddColumn(new TableColumn(FitOptionSet.Name(t)).RightAligned());
        foreach (var k in ks)
        {
            var cells = new List<string> { k.ToString(CultureInfo.InvariantCulture) };
            foreach (var t in types)
            {
                var e = entries.First(x => x.K == k && x.Type == t);
                cells.Add(e.Model is null ? "[grey]failed[/]"
                    : e == best ? $"[bold green]* {e.Criterion(crit).ToString("F2", CultureInfo.InvariantCulture)}[/]"
                    : e.Criterion(crit).ToString("F2", CultureInfo.InvariantCulture));
            }
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"best ([green]*[/]): K = {best.K}, {FitOptionSet.Name(best.Type)}, {crit.ToUpperInvariant()} {best.Criterion(crit).ToString("F2", CultureInfo.InvariantCulture)}");
        foreach (var failed in entries.Where(e => e.Model is null).Take(3))
            AnsiConsole.MarkupLine($"[grey]K = {failed.K} {FitOptionSet.Name(failed.Type)} failed: {Markup.Escape(failed.Error ?? "")}[/]");
    }
}
