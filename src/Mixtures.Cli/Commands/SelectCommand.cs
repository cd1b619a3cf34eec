using System.CommandLine;
using System.Globalization;
using Mixtures.Cli.Families;
using Mixtures.Cli.Fitting;
using Mixtures.Cli.Io;
using Mixtures.Cli.Output;
using Mixtures.Cli.Plotting;
using Spectre.Console;

namespace Mixtures.Cli.Commands;

/// <summary>
/// <c>mixtures select DATA --k 1..10 [--family F] [--covariance-types ...] [--criterion bic|aic] [--plot FILE]</c>:
/// fits of one family over K, and over covariance types for a family that has them.
/// </summary>
internal static class SelectCommand
{
    public static Command Create()
    {
        var data = new Argument<string>("DATA") { Description = "Data file: CSV with a header row, or .npy." };
        var ks = new Option<string>("--k", "-k") { Description = "Component counts to try (-k or --k): 1..10, 2,4,8 or a mix.", DefaultValueFactory = _ => "1..10" };
        var types = CovarianceTypeOptions.List(FamilyRegistry.WithCovarianceTypes);
        var criterion = new Option<string>("--criterion")
        { Description = "Information criterion to minimize.", DefaultValueFactory = _ => "bic" }.AcceptOnlyFromAmong("bic", "aic");
        var plot = new Option<string?>("--plot") { Description = "Draw the criterion against K to this .png/.svg." };
        var weights = new Option<string?>("--weights-column") { Description = "Column of non-negative per-row sample weights." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the best model's JSON here." };
        var set = new FitOptionSet();
        var command = new Command("select",
            "Fit a grid of K (and covariance types for Gaussian mixtures); pick the best by BIC or AIC.") { data, ks, types, criterion, plot };
        set.AddTo(command);
        command.Options.Add(weights);
        command.Options.Add(output);

        CommandRunner.SetBody(command, ctx =>
        {
            var plotPath = ctx.Get(plot);
            if (plotPath is not null) PlotFile.Validate(plotPath, "--plot");
            var outPath = ctx.Get(output);
            if (outPath is not null) OutputPath.Require(outPath);
            var kList = KRange.Parse(ctx.Get(ks));
            var family = set.FamilyOf(ctx);
            FamilyRegistry.RefuseOtherFamiliesFlags(ctx, family);
            var estimators = family.Bind(ctx, set);
            if (!family.HasCovarianceTypes && ctx.Parse.GetResult(types) is { Implicit: false })
                throw new CliException($"--covariance-types applies to --family {FamilyRegistry.WithCovarianceTypes}, not {family.Name}.");
            var typeList = family.HasCovarianceTypes ? CovarianceTypeOptions.ParseList(ctx.Get(types)) : [];
            var crit = ctx.Get(criterion);
            var options = set.BindCommon(ctx);
            var dataPath = ctx.Get(data);
            var selection = new ColumnSelection(ColumnSelection.Parse(ctx.Get(set.Columns)), ctx.Get(weights));
            // Past half the available memory the rows are streamed from the file, as fit does (CSV through a temporary copy).
            var ds = DataLoader.ShouldStream(dataPath, selection, force: false, ctx.Quiet)
                ? DataLoader.Open(dataPath, selection, DataLoader.TempDirectory(null, outPath), ctx.CancellationToken)
                : DataLoader.Load(dataPath, selection, ctx.CancellationToken);

            string? note = null;
            if (ds.Columns == 1 && typeList.Count > 1)
            {
                // One feature: full, diag and spherical are one model (a variance per component); fitting each would
                // only repeat it, so the first of every group is fitted and the table says which it stands for.
                var kept = typeList.Where((t, i) => !typeList.Take(i).Any(u => CovarianceTypes.Coincide(u, t, 1))).ToList();
                var merged = kept.Select(t => typeList.Where(u => CovarianceTypes.Coincide(t, u, 1)).Select(CovarianceTypes.Name).ToList())
                    .Where(g => g.Count > 1).Select(g => $"{string.Join(", ", g)} are the same model; fitted once as '{g[0]}'").ToList();
                if (merged.Count > 0) note = $"with one feature, {string.Join("; ", merged)}.";
                typeList = kept;
            }
            var variants = ModelSelector.Variants(family, estimators, options, typeList, ds);
            var entries = ModelSelector.Run(ds, kList, variants, ctx.Live, ctx.CancellationToken);
            var best = ModelSelector.Best(entries, crit);
            if (best is null)
            {
                // The same bad data fails every fit: that is a data error (exit 2), not a failed fit.
                if (entries.All(e => e.Cause is ArgumentException) && entries[0].Cause is ArgumentException bad)
                    throw Fitting.DataMessages.Locate(bad, ds);
                throw new CliException($"every fit failed; the first: {entries[0].Error}", ExitCodes.FitFailed);
            }
            ctx.CancellationToken.ThrowIfCancellationRequested();

            if (outPath is not null) ctx.Outputs.SaveModel(best.Model!, outPath);
            if (plotPath is not null)
            {
                var series = variants.Select(v =>
                {
                    var ok = entries.Where(e => e.Variant == v.Name && e.Model is not null).ToList();
                    return (v.Name, ok.Select(e => (double)e.K).ToArray(), ok.Select(e => e.Criterion(crit)).ToArray());
                }).Where(s => s.Item2.Length > 0).ToList();
                var p = CriterionPlot.Create(series, crit, (best.K, best.Criterion(crit), best.Variant),
                    $"Model selection of {family.DisplayName} mixtures on {Path.GetFileName(dataPath)} ({ds.Rows} x {ds.Columns})");
                PlotFile.Save(ctx.Outputs, p, plotPath, PlotStyle.DefaultWidth, PlotStyle.DefaultHeight);
            }
            ctx.Outputs.Commit();

            if (ctx.Json) JsonOut.Write(ToJson(entries, best, crit, outPath, family, note));
            else if (!ctx.Quiet)
            {
                PrintTable(entries, best, crit, kList, variants.Select(v => v.Name).ToList(), family);
                if (note is not null) AnsiConsole.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    internal static object ToJson(List<SelectionEntry> entries, SelectionEntry best, string crit, string? output, CliFamily of, string? note = null)
    {
        string family = of.Name;
        string? CovarianceType(SelectionEntry e) => of.HasCovarianceTypes ? e.Variant : null;
        return new
        {
            criterion = crit,
            family,
            best = new
            {
                k = best.K, family, covariance_type = CovarianceType(best),
                value = best.Criterion(crit), bic = best.Bic, aic = best.Aic,
            },
            model = output,
            note,
            results = entries.Select(e => new
            {
                k = e.K,
                family,
                covariance_type = CovarianceType(e),
                bic = e.Model is null ? (double?)null : e.Bic,
                aic = e.Model is null ? (double?)null : e.Aic,
                lower_bound = e.Model?.LowerBound,
                converged = e.Model?.Converged,
                n_iter = e.Model?.Iterations,
                error = e.Error,
            }),
        };
    }

    internal static void PrintTable(List<SelectionEntry> entries, SelectionEntry best, string crit, List<int> ks, List<string> variants, CliFamily family)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(family.HasCovarianceTypes
            ? $"[bold]{crit.ToUpperInvariant()} by K and covariance type (lower is better)[/]"
            : $"[bold]{crit.ToUpperInvariant()} by K (lower is better)[/]");
        table.AddColumn(Output.ConsoleLayout.Number("K"));
        foreach (var v in variants) table.AddColumn(Output.ConsoleLayout.Number(v));
        foreach (var k in ks)
        {
            var cells = new List<string> { k.ToString(CultureInfo.InvariantCulture) };
            foreach (var v in variants)
            {
                var e = entries.First(x => x.K == k && x.Variant == v);
                cells.Add(e.Model is null ? "[grey]failed[/]"
                    : e == best ? $"[bold green]* {e.Criterion(crit).ToString("F2", CultureInfo.InvariantCulture)}[/]"
                    : e.Criterion(crit).ToString("F2", CultureInfo.InvariantCulture));
            }
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"best ([green]*[/]): K = {best.K}, {best.Variant}, {crit.ToUpperInvariant()} {best.Criterion(crit).ToString("F2", CultureInfo.InvariantCulture)}");
        foreach (var failed in entries.Where(e => e.Model is null).Take(3))
            AnsiConsole.MarkupLine($"[grey]K = {failed.K} {failed.Variant} failed: {Markup.Escape(failed.Error ?? "")}[/]");
    }
}
