using Mixtures.Cli.Families;
using Mixtures.Cli.Io;
using Spectre.Console;

namespace Mixtures.Cli.Fitting;

/// <summary>
/// Fits every (K, variant) of a grid — variants are covariance types, or the family alone — and ranks them by
/// BIC, AIC or ICL. A Gaussian grid started by hc goes through the library's <see cref="MixtureSelection"/>
/// instead (<see cref="RunShared"/>): hc runs once there for the whole grid, and the fits run in parallel.
/// </summary>
internal static class ModelSelector
{
    /// <summary>A column of the grid: its name and how to fit it with K components.</summary>
    public sealed record Variant(string Name, Func<int, CancellationToken, IMixtureModel> Fit);

    /// <summary>A family's columns (<see cref="CliFamily.Variants"/>), fitted by its estimators with the common options and K components.</summary>
    /// <remarks>K's with <paramref name="labels"/> (select --init-labels) start from them; the other K by the init method.</remarks>
    public static List<Variant> Variants(CliFamily family, EstimatorFactory estimators, MixtureOptions options,
        IReadOnlyList<CovarianceType> types, DataSet data, IReadOnlyDictionary<int, int[]>? labels = null) =>
        family.Variants(types).Select(type => new Variant(family.VariantName(type),
            (k, ct) => estimators(new FitSpec(options with { Components = k, InitialLabels = labels?.GetValueOrDefault(k) }, type), data)
                .Fit(null, ct))).ToList();

    /// <summary>
    /// The grid through <see cref="MixtureSelection"/> (Gaussian, unweighted rows in memory, fail on degeneracy):
    /// hc once for every K, every (model, K) one single-threaded fit, the fits spread over the cores. Entries come
    /// back in <see cref="Run"/>'s order (variant outer, K inner).
    /// </summary>
    public static List<SelectionEntry> RunShared(DataSet data, IReadOnlyList<int> ks, IReadOnlyList<CovarianceType> types,
        MixtureSelectionOptions options, bool live, CancellationToken ct)
    {
        // The data checks every fit makes, once, before hc reads the rows: bad data is exit 2 naming the row and column.
        try { new GaussianMixture(new GaussianMixtureOptions { Seed = 0 }).InitialModel(data.X); }
        catch (ArgumentException e) { throw DataMessages.Locate(e, data); }
        MixtureSelectionResult? result = null;
        options = options with { Models = types, Components = ks };
        void Fit()
        {
            try { result = MixtureSelection.Fit(data.X, options, ct); }
            catch (AggregateException e) when (ct.IsCancellationRequested && e.Flatten().InnerExceptions.All(i => i is OperationCanceledException))
            {
                throw new OperationCanceledException(ct);
            }
            catch (InvalidOperationException e)
            {
                throw new CliException($"every fit failed; {ErrorReporter.OneLine(e.Message)}", ExitCodes.FitFailed);
            }
        }
        if (live) AnsiConsole.Status().Start($"fitting {types.Count * ks.Count} models (hc start, all cores)", _ => Fit());
        else Fit();
        ct.ThrowIfCancellationRequested();
        return result!.Table.Select(e => e.Model is { } m
            ? new SelectionEntry(e.Components, CovarianceTypes.Name(e.CovarianceType), m.WithFeatureNames(data.FeatureNames), e.Bic, e.Aic, null)
            { Icl = e.Icl, Loglik = e.Loglik, ParameterCount = e.ParameterCount }
            : new SelectionEntry(e.Components, CovarianceTypes.Name(e.CovarianceType), null, double.NaN, double.NaN,
                ErrorReporter.OneLine(e.FailureReason ?? "failed"))
            { ParameterCount = e.ParameterCount }).ToList();
    }

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

    /// <summary>
    /// The entry with the lowest criterion, or null when every fit failed. Ties go to the smaller K, then to the
    /// alphabetically first name, as mclust chooses.
    /// </summary>
    public static SelectionEntry? Best(IEnumerable<SelectionEntry> entries, string criterion) =>
        entries.Where(e => e.Model is not null && double.IsFinite(e.Criterion(criterion)))
            .OrderBy(e => e.Criterion(criterion)).ThenBy(e => e.K).ThenBy(e => e.Variant, StringComparer.Ordinal).FirstOrDefault();

    private static SelectionEntry FitOne(DataSet data, int k, Variant variant, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            var model = variant.Fit(k, ct).WithFeatureNames(data.FeatureNames);
            // Streamed rows are not in memory: the criteria come from the fit's own pass over them (the same likelihood).
            if (!data.InMemory && model is MixtureModel streamed)
                return new SelectionEntry(k, variant.Name, model, streamed.TrainingBic, streamed.TrainingAic, null)
                {
                    Icl = streamed.TrainingIcl,
                    Loglik = streamed.Loglik,
                    ParameterCount = model.ParameterCount,
                };
            return new SelectionEntry(k, variant.Name, model, model.Bic(data.X), model.Aic(data.X), null)
            {
                Icl = model is MixtureModel m ? m.Icl(data.X) : double.NaN,
                Loglik = model.Score(data.X) * data.Rows,
                ParameterCount = model.ParameterCount,
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return new SelectionEntry(k, variant.Name, null, double.NaN, double.NaN, ErrorReporter.OneLine(e.Message), e);
        }
    }
}
