using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mixtures.Internal;
using Mixtures.Internal.Bernoulli;

namespace Mixtures;

/// <summary>
/// Mixture of multivariate Bernoulli distributions (independent binary features per component),
/// fitted by expectation-maximization through the same EM loop, options and semantics as
/// <see cref="GaussianMixture"/>: restarts, sample weights, re-seeding of emptied components and
/// thread-count independent results.
/// </summary>
/// <example>
/// <code>
/// var bmm = new BernoulliMixture(new BernoulliMixtureOptions { Components = 10, BinarizeThreshold = 8, Seed = 0 });
/// BernoulliMixtureModel model = bmm.Fit(pixels);
/// int[] clusters = model.Predict(pixels);
/// </code>
/// </example>
public sealed class BernoulliMixture
{
    readonly BernoulliMixtureOptions _options;
    readonly ILogger _logger;

    /// <summary>Creates the estimator; options are validated here.</summary>
    public BernoulliMixture(BernoulliMixtureOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The options this estimator fits with.</summary>
    public BernoulliMixtureOptions Options => _options;

    /// <summary>The model of the last successful <see cref="Fit"/>, the starting point of a warm start.</summary>
    public BernoulliMixtureModel? Model { get; private set; }

    /// <summary>Fits the mixture to the rows of <paramref name="x"/>, optionally weighted.</summary>
    /// <param name="x">Data [N, D] of 0/1 values (any finite values when <see cref="BernoulliMixtureOptions.BinarizeThreshold"/> is set).</param>
    /// <param name="sampleWeight">Non-negative weight per row (null: all 1). Integer weights equal repeated rows.</param>
    /// <param name="progress">Receives every EM iteration.</param>
    /// <param name="cancellationToken">Stops the fit between iterations.</param>
    /// <exception cref="ArgumentException">Data that is not 0/1 (the message names row, column and value), bad weights or initial parameters.</exception>
    public BernoulliMixtureModel Fit(double[,] x, double[]? sampleWeight = null,
        IProgress<EmIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var data = BinaryData.Prepare(x, _options.BinarizeThreshold);
        double totalWeight = InputValidation.RequireWeights(sampleWeight, data.GetLength(0));
        int d = data.GetLength(1), k = _options.Components;
        bool warm = _options.WarmStart && Model is not null;
        if (warm && (Model!.Features != d || Model.Components != k))
            throw new ArgumentException("Warm start needs data with the same number of features, and the same components, as the previous fit.", nameof(x));

        var family = new BernoulliFamily(k, data, sampleWeight, totalWeight, _options.Alpha);
        var (parameters, info) = MeanMixtureFit.Run(family, data, sampleWeight, totalWeight, Settings(), CheckMean,
            warm ? Model!.Parameters : null, _logger, progress, cancellationToken, clock);
        Model = new BernoulliMixtureModel(parameters, info, _options.Alpha, _options.BinarizeThreshold);
        return Model;
    }

    /// <summary>
    /// The parameters EM starts from on its first restart (explicit <see cref="MixtureOptions.InitialWeights"/>
    /// and <see cref="MixtureOptions.InitialMeans"/>, or the init method with this seed), before any iteration:
    /// iteration 0 of a learning picture. With a fixed seed it is exactly where <see cref="Fit"/> starts (a warm start
    /// from <see cref="Model"/> is not considered). The returned model has no fit diagnostics (NaN lower bound, 0 iterations).
    /// </summary>
    /// <param name="x">Data [N, D] as for <see cref="Fit"/>: 0/1 values, or any finite values with a binarize threshold.</param>
    /// <param name="sampleWeight">Non-negative weight per row (null: all 1).</param>
    /// <exception cref="ArgumentException">The same data, weight and initial-parameter errors as <see cref="Fit"/>.</exception>
    public BernoulliMixtureModel InitialModel(double[,] x, double[]? sampleWeight = null)
    {
        var data = BinaryData.Prepare(x, _options.BinarizeThreshold);
        double totalWeight = InputValidation.RequireWeights(sampleWeight, data.GetLength(0));
        var family = new BernoulliFamily(_options.Components, data, sampleWeight, totalWeight, _options.Alpha);
        var parameters = MeanMixtureFit.InitialParameters(family, data, sampleWeight, Settings(), CheckMean);
        return new BernoulliMixtureModel(parameters, FitInfo.None, _options.Alpha, _options.BinarizeThreshold);
    }

    /// <summary>Fits, then returns the most probable component of every row (consistent with Predict).</summary>
    public int[] FitPredict(double[,] x, double[]? sampleWeight = null) => Fit(x, sampleWeight).Predict(x);

    MeanMixtureFit.Settings Settings() => new(_options.Components, _options.Tolerance, _options.MaxIterations, _options.NInit,
        _options.Init, _options.InitialWeights, _options.InitialMeans, _options.Seed, _options.MaxDegreeOfParallelism, _options.Degenerate);

    internal static string? CheckMean(double mu) =>
        mu > 0 && mu < 1 ? null : "a Bernoulli mean is a probability and must lie strictly between 0 and 1.";
}
