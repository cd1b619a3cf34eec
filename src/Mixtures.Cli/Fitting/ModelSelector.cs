using Mixtures.Cli.Families;
using Mixtures.Cli.Io;
using Spectre.Console;

namespace Mixtures.Cli.Fitting;

/// <summary>Fits every (K, variant) of a grid — variants are covariance types, or the family alone — and ranks them by BIC or AIC.</summary>
internal static class ModelSelector
{
    /// <summary>A column of the grid: its name and how to fit it with K components.</summary>
    public sealed record Variant(string Name, Func<int, CancellationToken, IMixtureModel> Fit);

    /// <summary>A family's columns (<see cref="CliFamily.Variants"/>), fitted by its estimators with the common options and K components.</summary>
    public static List<Variant> Variants(CliFamily family, EstimatorFactory estimators, MixtureOptions options,
        IReadOnlyList<CovarianceType> types, DataSet data) =>
        family.Variants(types).Select(type => new Variant(family.VariantName(type),
            (k, ct) => estimators(new FitSpec(options with { Components = k }, type), data).Fit(null, ct))).ToList();

    public static List<SelectionEntry> Run(DataSet data, IReadOnlyList<int> ks, IReadOnlyList<Variant> variants, bool live, CancellationToken ct)
    {
        var grid = variants.SelectMany(v => ks.Select(k => (K: k, Variant: v))).ToList();
        var results = new List<SelectionEntry>(grid.Count);
        if (!live)
        {
            foreach (var (k, v) in grid) results.Add(FitOne(data, k, v, ct));
            return results;
        }
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("fitting", maxValue: grid.Count);
                foreach (var (k, v) in grid)
                {
                    task.Description = $"fitting K={k} {v.Name}";
                    results.Add(FitOne(data, k, v, ct));
                    task.Increment(1);
                }
            });
        return results;
    }

    /// <summary>The entry with the lowest criterion, or null when every fit failed.</summary>
    public static SelectionEntry? Best(IEnumerable<SelectionEntry> entries, string criterion) =>
        entries.Where(e => e.Model is not null && double.IsFinite(e.Criterion(criterion)))
            .OrderBy(e => e.Criterion(criterion)).FirstOrDefault();

    private static SelectionEntry FitOne(DataSet data, int k, Variant variant, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            var model = variant.Fit(k, ct).WithFeatureNames(data.FeatureNames);
            // Streamed rows are not in memory: the criteria come from the fit's own pass over them (the same likelihood).
            return data.InMemory
                ? new SelectionEntry(k, variant.Name, model, model.Bic(data.X), model.Aic(data.X), null)
                : new SelectionEntry(k, variant.Name, model, ((MixtureModel)model).TrainingBic, ((MixtureModel)model).TrainingAic, null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return new SelectionEntry(k, variant.Name, null, double.NaN, double.NaN, ErrorReporter.OneLine(e.Message), e);
        }
    }
}
