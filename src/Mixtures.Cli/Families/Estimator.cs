using Mixtures.Cli.Io;

namespace Mixtures.Cli.Families;

/// <summary>Makes a family's estimator for one fit on one data set; what <see cref="CliFamily.Bind"/> returns.</summary>
internal delegate Estimator EstimatorFactory(FitSpec spec, DataSet data);

/// <summary>
/// A configured estimator of any family on one data set: the part of the library's estimators the verbs
/// use (they share no interface). fit runs it, select runs one per cell of its grid, and the snapshots run
/// one per iteration from <see cref="Start"/>.
/// </summary>
/// <param name="Fit">Runs EM, reporting every iteration to the progress given.</param>
/// <param name="Start">The model EM starts from: iteration 0 of the snapshots.</param>
internal sealed record Estimator(Func<IProgress<EmIteration>?, CancellationToken, IMixtureModel> Fit, Func<IMixtureModel> Start)
{
    /// <summary>An estimator's <c>Fit</c> method.</summary>
    public delegate IMixtureModel FitMethod(Mixtures.Data.IRowSource rows, IProgress<EmIteration>? progress, CancellationToken ct);

    /// <summary>An estimator's <c>InitialModel</c> method.</summary>
    public delegate IMixtureModel StartMethod(Mixtures.Data.IRowSource rows);

    /// <summary>A library estimator's Fit and InitialModel, bound to the data's rows and sample weights (in memory or streamed).</summary>
    public static Estimator On(DataSet data, FitMethod fit, StartMethod start) =>
        new((progress, ct) => fit(data.RowSource, progress, ct), () => start(data.RowSource));
}
