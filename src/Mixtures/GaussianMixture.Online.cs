using Mixtures.Data;
using Mixtures.Internal.Gaussian;

namespace Mixtures;

public sealed partial class GaussianMixture
{
    /// <summary>
    /// Fits by stepwise (online) EM (see <see cref="OnlineEmOptions"/>): the rows are read in order, in mini-batches,
    /// <see cref="OnlineEmOptions.Passes"/> times, with an M-step after each batch. The initial parameters come from
    /// the first batch with this estimator's init method, seed and explicit initial parameters. Only
    /// <see cref="MixtureOptions.Components"/>, <see cref="MixtureOptions.Init"/>, the initial parameters,
    /// <see cref="MixtureOptions.Seed"/>, <see cref="GaussianMixtureOptions.RegCovar"/>,
    /// <see cref="GaussianMixtureOptions.CovarianceType"/> and <see cref="MixtureOptions.Degenerate"/> apply.
    /// The model's training score is the mean log-likelihood of the last pass's rows, each under the parameters of
    /// when its batch was read (a read-once stream cannot be scored again); <see cref="MixtureModel.LowerBoundHistory"/>
    /// holds that mean for every batch.
    /// </summary>
    /// <param name="rows">The rows, read in order.</param>
    /// <param name="online">Batch size, passes and step exponent (null: the defaults).</param>
    /// <param name="progress">Receives every mini-batch (Iteration counts batches).</param>
    /// <param name="cancellationToken">Checked between slabs of rows.</param>
    /// <exception cref="ArgumentException">Bad options, data, or a covariance model that needs a statistic of all the data
    /// before the first M-step (tied).</exception>
    /// <exception cref="DegenerateFitException">A component could not be repaired.</exception>
    public GaussianMixtureModel FitOnline(IRowSource rows, OnlineEmOptions? online = null, IProgress<EmIteration>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        online ??= new OnlineEmOptions();
        online.Validate();
        return OnlineGaussianEm.Fit(this, rows, online, progress, cancellationToken);
    }
}
