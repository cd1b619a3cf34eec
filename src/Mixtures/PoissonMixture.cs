using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mixtures.Internal;
using Mixtures.Internal.Poisson;
using Mixtures.Internal.Bernoulli;

namespace Mixtures;

/// <summary>
/// Mixture of independent Poisson distributions for non-negative integer counts, fitted by
/// expectation-maximization through the same EM loop, options and semantics as
/// <see cref="GaussianMixture"/>.
/// </summary>
/// <example>
/// <code>
/// var pmm = new PoissonMixture(new PoissonMixtureOptions { Components = 10, Seed = 0 });
/// PoissonMixtureModel model = pmm.Fit(counts);
/// double[,] rates = model.Rates;
/// </code>
/// </example>
public sealed class PoissonMixture
{
    readonly PoissonMixtureOptions _options;
    readonly ILogger _logger;

    /// <summary>Creates the estimator; options are validated here.</summary>
    public PoissonMixture(PoissonMixtureOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The options this estimator fits with.</summary>
    public PoissonMixtureOptions Options => _options;

    /// <summary>The model of the last successful <see cref="Fit"/>, the starting point of a warm start.</summary>
    public PoissonMixtureModel? Model { get; private set; }

    /// <summary>Fits the mixture to the rows of <paramref name="x"/>, optionally weighted.</summary>
    /// <param name="x">Counts [N, D]: non-negative integers.</param>
    /// <param name="sampleWeight">Non-negative weight per row (null: all 1). Integer weights equal repeated rows.</param>
    /// <param name="progress">Receives every EM iteration.</param>
    /// <param name="cancellationToken">Stops the fit between iterations.</param>
    /// <exception cref="ArgumentException">A negative or non-integer count (the message names row, column and value), bad weights or initial parameters.</exception>
    public PoissonMixtureModel Fit(double[,] x, double[]? sampleWeight = null,
        IProgress<EmIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        CountData.Require(x);
        double totalWeight = InputValidation.RequireWeights(sampleWeight, x.GetLength(0));
        int d = x.GetLength(1), k = _options.Components;
        bool warm = _options.WarmStart && Model is not null;
        if (warm && (Model!.Features != d || Model.Components != k))
            throw new ArgumentException("Warm start needs data with the same number of features, and the same components, as the previous fit.", nameof(x));

        var family = new PoissonFamily(k, x, sampleWeight, totalWeight, _options.MinRate);
        var (parameters, info) = MeanMixtureFit.Run(family, x, sampleWeight, totalWeight, Settings(), CheckRate,
            warm ? Model!.Parameters : null, _logger, progress, cancellationToken, clock);
        Model = new PoissonMixtureModel(parameters, info, _options.MinRate);
        return Model;
    }

    /// <summary>
    /// The parameters EM starts from on its first restart (explicit <see cref="MixtureOptions.InitialWeights"/>
    /// and <see cref="MixtureOptions.InitialMeans"/>, or the init method with this seed), before any iteration:
    /// iteration 0 of a learning picture. With a fixed seed it is exactly where <see cref="Fit"/> starts (a warm start
    /// from <see cref="Model"/> is not considered). The returned model has no fit diagnostics (NaN lower bound, 0 iterations).
    /// </summary>
    /// <param name="x">Counts [N, D]: non-negative integers, as for <see cref="Fit"/>.</param>
    /// <param name="sampleWeight">Non-negative weight per row (null: all 1).</param>
    /// <exception cref="ArgumentException">The same data, weight and initial-parameter errors as <see cref="Fit"/>.</exception>
    public PoissonMixtureModel InitialModel(double[,] x, double[]? sampleWeight = null)
    {
        CountData.Require(x);
        double totalWeight = InputValidation.RequireWeights(sampleWeight, x.GetLength(0));
        var family = new PoissonFamily(_options.Components, x, sampleWeight, totalWeight, _options.MinRate);
        var parameters = MeanMixtureFit.InitialParameters(family, x, sampleWeight, Settings(), CheckRate);
        return new PoissonMixtureModel(parameters, FitInfo.None, _options.MinRate);
    }

    MeanMixtureFit.Settings Settings() => new(_options.Components, _options.Tolerance, _options.MaxIterations, _options.NInit,
        _options.Init, _options.InitialWeights, _options.InitialMeans, _options.Seed, _options.MaxDegreeOfParallelism, _options.Degenerate);

    /// <summary>Fits, then returns the most probable component of every row (consistent with Predict).</summary>
    public int[] FitPredict(double[,] x, double[]? sampleWeight = null) => Fit(x, sampleWeight).Predict(x);

    internal static string? CheckRate(double rate) =>
        rate > 0 && double.IsFinite(rate) ? null : "a Poisson rate must be a positive finite number.";
}
