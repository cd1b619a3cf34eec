using Mixtures.Cli.Io;
using Spectre.Console;

namespace Mixtures.Cli.Fitting;

/// <summary>Fits every (K, variant) of a grid — variants are covariance types, or one family — and ranks them by BIC or AIC.</summary>
internal static class ModelSelector
{
    /// <summary>A column of the grid: its name and how to fit it with K components.</summary>
    public sealed record Variant(string Name, Func<int, CancellationToken, IMixtureModel> Fit);

    /// <summary>The Gaussian variants: one per covariance type.</summary>
    public static List<Variant> Gaussian(DataSet data, IReadOnlyList<CovarianceType> types, GaussianMixtureOptions o) =>
        types.Select(t => new Variant(CovarianceTypes.Name(t),
            (k, ct) => new GaussianMixture(o with { Components = k, CovarianceType = t }).Fit(data.X, data.SampleWeights, null, ct))).ToList();

    /// <summary>The single variant of a Bernoulli or Poisson family.</summary>
    public static List<Variant> Family(DataSet data, FamilySettings family, GaussianMixtureOptions common) =>
        [new Variant(family.Family, (k, ct) => family.Fitter(common, k, data)(null, ct))];

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
            return new SelectionEntry(k, variant.Name, model, model.Bic(data.X), model.Aic(data.X), null);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return new SelectionEntry(k, variant.Name, null, double.NaN, double.NaN, ErrorReporter.OneLine(e.Message), e);
        }
    }
}
