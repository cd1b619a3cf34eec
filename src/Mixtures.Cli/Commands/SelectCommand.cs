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
/// <c>mixtures select DATA --k 1..10 [--family F] [--covariance-types ...|mclust] [--criterion bic|aic|icl] [--preset mclust] [--plot FILE]</c>:
/// fits of one family over K, and over covariance types for a family that has them. <c>--preset mclust</c> is
/// mclust's <c>Mclust</c>: its models, K = 1..9, the hc start, its stop rule, no regularization; criteria are then
/// shown in mclust's sign (higher is better), JSON keeps scikit-learn's.
/// </summary>
internal static class SelectCommand
{
    public static Command Create()
    {
        var data = new Argument<string>("DATA") { Description = "Data file: CSV with a header row, or .npy." };
        var ks = new Option<string>("--k", "-k") { Description = "Component counts to try (-k or --k): 1..10, 2,4,8 or a mix (1..9 with --preset mclust).", DefaultValueFactory = _ => "1..10" };
        var types = CovarianceTypeOptions.List(FamilyRegistry.WithCovarianceTypes);
        var criterion = new Option<string>("--criterion")
        { Description = "Information criterion to minimize (ICL: BIC plus the classification entropy term).", DefaultValueFactory = _ => "bic" }
            .AcceptOnlyFromAmong("bic", "aic", "icl");
        var preset = new Option<string?>("--preset")
        {
            Description = "mclust: R mclust's Mclust defaults (every mclust model for the data, -k 1..9, --init-params hc, --stop-rule mclust, " +
                          "--reg-covar 0, --degenerate error, no --max-iter limit); flags given explicitly override it. Criteria are shown in mclust's sign.",
        }.AcceptOnlyFromAmong("mclust");
        var initLabels = new Option<string?>("--init-labels")
        {
            Description = "Start from labels: a CSV with a header line and one or more columns, each one 0-based label per data row; " +
                          "the column with labels 0..G-1 starts the fits with K = G (other K start by --init-params).",
        };
        var plot = new Option<string?>("--plot") { Description = "Draw the criterion against K to this .png/.svg." };
        var weights = new Option<string?>("--weights-column") { Description = "Column of non-negative per-row sample weights." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the best model's JSON here." };
        var set = new FitOptionSet();
        var command = new Command("select",
            "Fit a grid of K (and covariance types for Gaussian mixtures); pick the best by BIC, AIC or ICL.") { data, ks, types, criterion, preset, plot };
        set.AddTo(command);
        command.Options.Add(initLabels);
        command.Options.Add(weights);
        command.Options.Add(output);

        CommandRunner.SetBody(command, ctx =>
        {
            var plotPath = ctx.Get(plot);
            if (plotPath is not null) PlotFile.Validate(plotPath, "--plot");
            var outPath = ctx.Get(output);
            if (outPath is not null) OutputPath.Require(outPath);
            bool mclust = ctx.Get(preset) == "mclust";
            set.Mclust = mclust;
            var kList = KRange.Parse(FitOptionSet.Given(ctx, ks) || !mclust ? ctx.Get(ks) : "1..9");
            var family = set.FamilyOf(ctx);
            if (mclust && !family.HasCovarianceTypes)
                throw new CliException($"--preset mclust applies to --family {FamilyRegistry.WithCovarianceTypes}, not {family.Name}.");
            FamilyRegistry.RefuseOtherFamiliesFlags(ctx, family);
            set.RequireGaussianFlags(ctx, family);
            var estimators = family.Bind(ctx, set);
            if (!family.HasCovarianceTypes && FitOptionSet.Given(ctx, types))
                throw new CliException($"--covariance-types applies to --family {FamilyRegistry.WithCovarianceTypes}, not {family.Name}.");
            var typesText = FitOptionSet.Given(ctx, types) || !mclust ? ctx.Get(types) : CovarianceTypeOptions.MclustModels;
            if (family.HasCovarianceTypes) CovarianceTypeOptions.ParseList(typesText, 2);   // refuse a bad list before reading the data
            var crit = ctx.Get(criterion);
            var options = set.BindCommon(ctx);
            var dataPath = ctx.Get(data);
            var selection = new ColumnSelection(ColumnSelection.Parse(ctx.Get(set.Columns)), ctx.Get(weights));
            // Past half the available memory the rows are streamed from the file, as fit does (CSV through a temporary copy).
            var ds = DataLoader.ShouldStream(dataPath, selection, force: false, ctx.Quiet)
                ? DataLoader.Open(dataPath, selection, DataLoader.TempDirectory(null, outPath), ctx.CancellationToken)
                : DataLoader.Load(dataPath, selection, ctx.CancellationToken);
            var typeList = family.HasCovarianceTypes ? CovarianceTypeOptions.ParseList(typesText, ds.Columns) : [];
            var labelsPath = ctx.Get(initLabels);
            var labels = labelsPath is null ? null : InitLabelsReader.ReadByComponents(labelsPath, ds.Rows);
            if (labels is not null && !kList.Any(labels.ContainsKey))
                throw new CliException($"--init-labels: its labellings have K = {string.Join(", ", labels.Keys.Order())} components, and --k tries none of them.");

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
            var variants = ModelSelector.Variants(family, estimators, options, typeList, ds, labels);
            // hc started Gaussian grids that fail on degeneracy go through the library's MixtureSelection: hc runs once for
            // all K there. Weighted rows, restarts, re-seeding, given labels or streamed rows take the general path (hc per
            // fit, same fits; MixtureSelection takes rows in memory).
            bool shared = ds.InMemory && family.HasCovarianceTypes && options.Init == InitMethod.Hierarchical && ds.SampleWeights is null
                          && options.Degenerate == DegenerateHandling.Throw && options.NInit == 1 && labels is null;
            var entries = shared
                ? ModelSelector.RunShared(ds, kList, typeList, new MixtureSelectionOptions
                {
                    Init = InitMethod.Hierarchical, StopRule = set.StopRuleOf(ctx), RegCovar = set.RegCovarOf(ctx),
                    Tolerance = options.Tolerance, MaxIterations = options.MaxIterations, Seed = options.Seed,
                    // The same best as ModelSelector.Best picks below: the library refreshes that model's parameters.
                    Criterion = crit switch { "aic" => SelectionCriterion.Aic, "icl" => SelectionCriterion.Icl, _ => SelectionCriterion.Bic },
                }, ctx.Live, ctx.CancellationToken)
                : ModelSelector.Run(ds, kList, variants, ctx.Live, ctx.CancellationToken);
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
                    return new CriterionPlot.Series(v.Name, ok.Select(e => (double)e.K).ToArray(), ok.Select(e => e.Criterion(crit)).ToArray());
                }).Where(s => s.Ks.Length > 0).ToList();
                var p = CriterionPlot.Create(series, crit, new CriterionPlot.Best(best.K, best.Criterion(crit), best.Variant), mclust,
                    $"Model selection of {family.DisplayName} mixtures on {Path.GetFileName(dataPath)} ({ds.Rows} x {ds.Columns})");
                PlotFile.Save(ctx.Outputs, p, plotPath, PlotStyle.DefaultWidth, PlotStyle.DefaultHeight);
            }
            ctx.Outputs.Commit();

            if (ctx.Json) JsonOut.Write(ToJson(entries, best, crit, outPath, family, note, mclust ? "mclust" : null));
            else if (!ctx.Quiet)
            {
                var display = new Display(crit, mclust);
                PrintTopThree(entries, display);
                PrintTable(entries, best, display, kList, variants.Select(v => v.Name).ToList(), family);
                if (note is not null) AnsiConsole.MarkupLine($"[grey]{Markup.Escape(note)}[/]");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>How criteria are shown: scikit-learn's sign (lower is better), or mclust's (2 loglik - penalty, higher is better).</summary>
    internal sealed record Display(string Criterion, bool MclustSign)
    {
        public string Name => Criterion.ToUpperInvariant();
        public double Shown(SelectionEntry e) => MclustSign ? -e.Criterion(Criterion) : e.Criterion(Criterion);
        public string Format(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
        public string Sense => MclustSign ? "mclust's sign: higher is better" : "lower is better";
    }

    internal static object ToJson(List<SelectionEntry> entries, SelectionEntry best, string crit, string? output, CliFamily of, string? note = null,
        string? preset = null)
    {
        string family = of.Name;
        string? CovarianceType(SelectionEntry e) => of.HasCovarianceTypes ? e.Variant : null;
        return new
        {
            criterion = crit,
            family,
            preset,
            best = new
            {
                k = best.K, family, covariance_type = CovarianceType(best),
                value = best.Criterion(crit), bic = best.Bic, icl = Number(best.Icl), aic = best.Aic, loglik = best.Loglik,
                n_parameters = best.ParameterCount,
            },
            model = output,
            note,
            results = entries.Select(e => new
            {
                k = e.K,
                family,
                covariance_type = CovarianceType(e),
                bic = e.Model is null ? (double?)null : e.Bic,
                icl = e.Model is null ? null : Number(e.Icl),
                aic = e.Model is null ? (double?)null : e.Aic,
                loglik = e.Model is null ? (double?)null : e.Loglik,
                n_parameters = e.ParameterCount,
                n_iter = e.Model?.Iterations,
                failed = e.Model is null,
                reason = e.Error,
                lower_bound = e.Model?.LowerBound,
                converged = e.Model?.Converged,
                error = e.Error,
            }),
        };
    }

    static double? Number(double v) => double.IsFinite(v) ? v : null;

    /// <summary>mclust's summary of a selection: the three best (model, K) and their difference to the best.</summary>
    internal static void PrintTopThree(List<SelectionEntry> entries, Display display)
    {
        var top = entries.Where(e => e.Model is not null && double.IsFinite(e.Criterion(display.Criterion)))
            .OrderBy(e => e.Criterion(display.Criterion)).ThenBy(e => e.K).ThenBy(e => e.Variant, StringComparer.Ordinal).Take(3).ToList();
        if (top.Count == 0) return;
        var names = top.Select(e => $"{e.Variant},{e.K}").ToList();
        var values = top.Select(e => display.Format(display.Shown(e))).ToList();
        var diffs = top.Select(e => display.Format(display.Shown(e) - display.Shown(top[0]))).ToList();
        int w = names.Concat(values).Concat(diffs).Max(t => t.Length) + 2;
        string label = display.Name, diffLabel = display.Name + " diff";
        int lw = diffLabel.Length + 1;
        var lines = new[]
        {
            $"Best {display.Name} values ({display.Sense}):",
            new string(' ', lw) + string.Concat(names.Select(n => n.PadLeft(w))),
            label.PadRight(lw) + string.Concat(values.Select(v => v.PadLeft(w))),
            diffLabel.PadRight(lw) + string.Concat(diffs.Select(v => v.PadLeft(w))),
        };
        foreach (var line in lines) AnsiConsole.WriteLine(line);
        AnsiConsole.WriteLine();
    }

    /// <summary>
    /// The criterion by K (rows) and variant (columns), the best starred; when the variants do not fit the console
    /// width (mclust's 14 models on a terminal), the table is printed in blocks of columns.
    /// </summary>
    internal static void PrintTable(List<SelectionEntry> entries, SelectionEntry best, Display display, List<int> ks, List<string> variants, CliFamily family)
    {
        string Cell(SelectionEntry e) => e.Model is null ? "failed" : (e == best ? "* " : "") + display.Format(display.Shown(e));
        int kWidth = Math.Max(1, ks.Max().ToString(CultureInfo.InvariantCulture).Length) + 3;
        var widths = variants.Select(v => Math.Max(v.Length, entries.Where(e => e.Variant == v).Max(e => Cell(e).Length)) + 3).ToList();
        var blocks = new List<List<int>> { new() };
        int used = kWidth + 1;
        for (int i = 0; i < variants.Count; i++)
        {
            if (blocks[^1].Count > 0 && used + widths[i] > AnsiConsole.Profile.Width)
            {
                blocks.Add([]);
                used = kWidth + 1;
            }
            blocks[^1].Add(i);
            used += widths[i];
        }
        for (int b = 0; b < blocks.Count; b++)
        {
            var table = new Table().Border(TableBorder.Rounded);
            if (b == 0)
                table.Title(family.HasCovarianceTypes
                    ? $"[bold]{display.Name} by K and covariance type ({display.Sense})[/]"
                    : $"[bold]{display.Name} by K ({display.Sense})[/]");
            table.AddColumn(Output.ConsoleLayout.Number("K"));
            foreach (var i in blocks[b]) table.AddColumn(Output.ConsoleLayout.Number(variants[i]));
            foreach (var k in ks)
            {
                var cells = new List<string> { k.ToString(CultureInfo.InvariantCulture) };
                foreach (var i in blocks[b])
                {
                    var e = entries.First(x => x.K == k && x.Variant == variants[i]);
                    cells.Add(e.Model is null ? "[grey]failed[/]" : e == best ? $"[bold green]{Cell(e)}[/]" : Cell(e));
                }
                table.AddRow(cells.ToArray());
            }
            AnsiConsole.Write(table);
        }
        AnsiConsole.MarkupLine($"best ([green]*[/]): K = {best.K}, {Markup.Escape(best.Variant)}, {display.Name} {display.Format(display.Shown(best))}"
                               + (display.MclustSign ? " (mclust's sign)" : ""));
        var failed = entries.Where(e => e.Model is null).ToList();
        foreach (var f in failed.Take(3))
            AnsiConsole.MarkupLine($"[grey]K = {f.K} {Markup.Escape(f.Variant)} failed: {Markup.Escape(f.Error ?? "")}[/]");
        if (failed.Count > 3) AnsiConsole.MarkupLine($"[grey]... {failed.Count - 3} more failed (--json lists every reason).[/]");
    }
}
