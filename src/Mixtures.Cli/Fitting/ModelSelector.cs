using Mixtures.Cli.Io;
using Spectre.Console;

namespace Mixtures.Cli.Fitting;

/// <summary>Fits every (K, covariance type) of a grid and ranks them by BIC or AIC.</summary>
internal static class ModelSelector
{
    public static List<SelectionEntry> Run(DataSet data, IReadOnlyList<int> ks, IReadOnlyList<CovarianceType> types,
        GaussianMixtureOptions baseOptions, bool live, CancellationToken ct)
    {
        var grid = types.SelectMany(t => ks.Select(k => (K: k, Type: t))).ToList();
        var results = new List<SelectionEntry>(grid.Count);
        if (!live)
        {
            foreach (var (k, t) in grid) results.Add(FitOne(data, k, t, baseOptions, ct));
            return results;
        }
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("fitting", maxValue: grid.Count);
                foreach (var (k, t) in grid)
                {
                    task.Description = $"fitting K={k} {t.ToString().ToLowerInvariant()}";
                    results.Add(FitOne(data, k, t, baseOptions, ct));
                    task.Increment(1);
                }
            });
        return results;
    }

    /// <summary>The entry with the lowest criterion, or null when every fit failed.</summary>
    public static SelectionEntry? Best(IEnumerable<SelectionEntry> entries, string criterion) =>
        entries.Where(e => e.Model is not null && double.IsFinite(e.Criterion(criterion)))
            .OrderBy(e => e.Criterion(criterion)).FirstOrDefault();

    private static SelectionEntry FitOne(DataSet data, int k, CovarianceType type, GaussianMixtureOptions o, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            var model = new GaussianMixture(o with { Components = k, CovarianceType = type }).Fit(data.X, data.SampleWeights, null, ct);
            model = (GaussianMixtureModel)model.WithFeatureNames(data.FeatureNames);
            return new SelectionEntry(k, type, model, model.Bic(data.X), model.Aic(data.X), null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return new SelectionEntry(k, type, null, double.NaN, double.NaN, ErrorReporter.OneLine(e.Message));
        }
    }
}
