using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mixtures.Internal;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Initialization;

namespace Mixtures;

/// <summary>
/// Gaussian mixture estimator fitted by expectation-maximization, with scikit-learn's options and
/// semantics, plus sample weights, re-seeding of degenerate components and thread-count
/// independent results.
/// </summary>
/// <example>
/// <code>
/// var gmm = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 0 });
/// GaussianMixtureModel model = gmm.Fit(x);
/// int[] labels = model.Predict(x);
/// </code>
/// </example>
public sealed class GaussianMixture
{
    readonly GaussianMixtureOptions _options;
    readonly ILogger _logger;

    /// <summary>Creates the estimator; options are validated here.</summary>
    public GaussianMixture(GaussianMixtureOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The options this estimator fits with.</summary>
    public GaussianMixtureOptions Options => _options;

    /// <summary>The model of the last successful <see cref="Fit"/>, the starting point of a warm start.</summary>
    public GaussianMixtureModel? Model { get; private set; }

    /// <summary>Fits the mixture to the rows of <paramref name="x"/>, optionally weighted.</summary>
    /// <param name="x">Data [N, D]; every value must be finite.</param>
    /// <param name="sampleWeight">Non-negative weight per row (null: all 1). Integer weights equal repeated rows.</param>
    /// <param name="progress">Receives every EM iteration.</param>
    /// <param name="cancellationToken">Stops the fit between iterations.</param>
    /// <exception cref="ArgumentException">Bad data, weights or initial parameters; the message names the problem.</exception>
    /// <exception cref="DegenerateFitException">A component could not be repaired.</exception>
    public GaussianMixtureModel Fit(double[,] x, double[]? sampleWeight = null,
        IProgress<EmIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var (family, totalWeight) = Prepare(x, sampleWeight);
        int d = x.GetLength(1), k = _options.Components;
        bool warm = _options.WarmStart && Model is not null;
        if (warm && (Model!.Features != d || Model.Components != k || Model.CovarianceType != _options.CovarianceType))
            throw new ArgumentException("Warm start needs data with the same number of features, and the same components and covariance type, as the previous fit.", nameof(x));
        var settings = new EmSettings(_options.MaxIterations, _options.Tolerance, _options.Degenerate);
        var (parameters, info) = Restarts.Run(family, x, sampleWeight, totalWeight, settings, _options.NInit, _options.Seed,
            _options.MaxDegreeOfParallelism, rng => Initialize(family, x, sampleWeight, rng), warm ? Model!.Parameters : null,
            _logger, progress, cancellationToken, clock);
        Model = new GaussianMixtureModel(parameters, info);
        return Model;
    }

    /// <summary>
    /// The parameters EM starts from on its first restart (explicit initial parameters, or the init
    /// method with this seed), before any iteration: iteration 0 of a learning picture. With a fixed
    /// seed it is exactly where <see cref="Fit"/> starts.
    /// </summary>
    public GaussianMixtureModel InitialModel(double[,] x, double[]? sampleWeight = null)
    {
        var (family, _) = Prepare(x, sampleWeight);
        var rng = new Random(_options.Seed ?? Random.Shared.Next());
        return new GaussianMixtureModel(Initialize(family, x, sampleWeight, rng), FitInfo.None);
    }

    (GaussianFamily Family, double TotalWeight) Prepare(double[,] x, double[]? sampleWeight)
    {
        InputValidation.RequireData(x);
        double totalWeight = InputValidation.RequireWeights(sampleWeight, x.GetLength(0));
        InputValidation.RequireEnoughPoints(x, sampleWeight, _options.Components);
        return (new GaussianFamily(CovarianceModels.Get(_options.CovarianceType), _options.Components, x, sampleWeight, totalWeight, _options.RegCovar), totalWeight);
    }

    /// <summary>Fits, then returns the most probable component of every row (consistent with Predict).</summary>
    public int[] FitPredict(double[,] x, double[]? sampleWeight = null) => Fit(x, sampleWeight).Predict(x);

    GaussianParameters Initialize(GaussianFamily family, double[,] x, double[]? w, Random rng)
    {
        int k = _options.Components, d = x.GetLength(1);
        var model = CovarianceModels.Get(_options.CovarianceType);
        GaussianParameters? fromData = null;
        if (_options.InitialWeights is null || _options.InitialMeans is null || _options.InitialPrecisions is null)
            fromData = FromResponsibilities(family, x, w, InitialResponsibilities.Create(_options.Init, x, w, k, rng, _options.MaxDegreeOfParallelism));

        double[] weights = fromData?.Weights ?? [];
        if (_options.InitialWeights is { } iw)
        {
            ParameterChecks.Weights(iw, k, nameof(GaussianMixtureOptions.InitialWeights));
            weights = (double[])iw.Clone();
        }
        double[] means = fromData?.Means ?? [];
        if (_options.InitialMeans is { } im)
        {
            ParameterChecks.Means(im, k, d, nameof(GaussianMixtureOptions.InitialMeans));
            means = MatrixSpan.ToFlat(im);
        }
        if (_options.InitialPrecisions is { } ip)
        {
            var precisions = InitialPrecisionShapes.Flatten(ip, model, k, d);
            var failed = new List<int>();
            return GaussianParameters.TryCreateFromPrecisions(model, k, d, weights, means, precisions, failed)
                ?? throw new ArgumentException(failed[0] < 0
                    ? "InitialPrecisions: the tied precision matrix is not symmetric positive definite."
                    : $"InitialPrecisions: the precision of component {failed[0]} is not positive definite.", nameof(GaussianMixtureOptions.InitialPrecisions));
        }
        return fromData!.WithWeightsAndMeans(weights, means);
    }

    static GaussianParameters FromResponsibilities(GaussianFamily family, double[,] x, double[]? w, InitialResponsibilities.Block block)
    {
        int k = family.Components, d = family.Features, n = x.GetLength(0);
        var stats = (GaussianStatistics)family.CreateStatistics();
        // Centre the statistics on the data mean: safe for data far from the origin.
        var shift = new double[k * d];
        for (int c = 0; c < k; c++) family.DataMean.CopyTo(shift.AsSpan(c * d, d));
        stats.Begin(shift);
        var resp = new double[ChunkPlan.BlockRows * k];
        var scratch = new double[stats.ScratchLength(ChunkPlan.BlockRows)];
        for (int b = 0; b < n; b += ChunkPlan.BlockRows)
        {
            int m = Math.Min(ChunkPlan.BlockRows, n - b);
            block(b, m, resp);
            stats.Accumulate(MatrixSpan.Rows(x, b, m), m, resp.AsSpan(0, m * k), scratch);
        }
        var degenerate = new List<Degeneracy>();
        var p = family.MStep(stats, null, degenerate);
        foreach (var dg in degenerate)
            if (dg.Fatal)
                throw new DegenerateFitException($"Initialization failed: {dg.Reason} Try a larger reg_covar or another init method.", dg.Component);
        return p!;
    }
}
