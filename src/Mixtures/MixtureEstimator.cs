using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mixtures.Data;
using Mixtures.Internal.Fitting;

namespace Mixtures;

/// <summary>
/// What every mixture estimator offers (<see cref="GaussianMixture"/>, <see cref="BernoulliMixture"/>,
/// <see cref="PoissonMixture"/>): one fit pipeline with scikit-learn's semantics — restarts keeping the
/// best lower bound, explicit initial parameters, warm start, sample weights, re-seeding of degenerate
/// components, and the same model for the same seed on any thread count.
/// </summary>
/// <typeparam name="TOptions">The family's options record.</typeparam>
/// <typeparam name="TModel">The family's fitted model.</typeparam>
public abstract class MixtureEstimator<TOptions, TModel> where TOptions : MixtureOptions where TModel : MixtureModel
{
    readonly ILogger _logger;
    readonly FitPipeline<TModel> _pipeline;

    /// <param name="options">Validated here.</param>
    /// <param name="logger">Receives the non-convergence warning (null: none).</param>
    /// <param name="pipeline">The family's fit pipeline for the validated options.</param>
    private protected MixtureEstimator(TOptions options, ILogger? logger, Func<TOptions, FitPipeline<TModel>> pipeline)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _logger = logger ?? NullLogger.Instance;
        _pipeline = pipeline(options);
    }

    /// <summary>The options this estimator fits with (validated when the estimator was created).</summary>
    public TOptions Options { get; }

    /// <summary>The model of the last successful <see cref="Fit(IRowSource, IProgress{EmIteration}, CancellationToken)"/>, the starting point of a warm start.</summary>
    public TModel? Model { get; private set; }

    /// <summary>Fits the mixture to the rows of <paramref name="x"/>, optionally weighted.</summary>
    /// <param name="x">Data [N, D]; every value must be finite and valid for the family.</param>
    /// <param name="sampleWeight">Non-negative weight per row (null: all 1). Integer weights equal repeated rows.</param>
    /// <param name="progress">Receives every EM iteration.</param>
    /// <param name="cancellationToken">Stops the fit between iterations.</param>
    /// <exception cref="ArgumentException">Bad data, weights or initial parameters; the message names the problem.</exception>
    /// <exception cref="DegenerateFitException">A component could not be repaired.</exception>
    public TModel Fit(double[,] x, double[]? sampleWeight = null,
        IProgress<EmIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Fit(new ArrayRowSource(x, sampleWeight), progress, cancellationToken);
    }

    /// <summary>
    /// Fits the mixture to the rows of <paramref name="rows"/>, which may be streamed from a file larger than
    /// memory: each iteration reads them again, chunk by chunk. The model is bit-identical to the fit of the
    /// same rows held in an array.
    /// </summary>
    /// <param name="rows">The rows and their optional weights.</param>
    /// <param name="progress">Receives every EM iteration.</param>
    /// <param name="cancellationToken">Stops the fit between iterations.</param>
    /// <exception cref="ArgumentException">Bad data, weights or initial parameters; the message names the problem.</exception>
    /// <exception cref="DegenerateFitException">A component could not be repaired.</exception>
    public TModel Fit(IRowSource rows, IProgress<EmIteration>? progress = null, CancellationToken cancellationToken = default)
    {
        Model = _pipeline.Fit(rows, Options.WarmStart ? Model : null, _logger, progress, cancellationToken);
        return Model;
    }

    /// <summary>Fits the mixture to jagged rows (every row the same length), optionally weighted.</summary>
    /// <param name="x">Data, one array per row; copied once into a rectangular array, then fitted as <see cref="Fit(double[,], double[], IProgress{EmIteration}, CancellationToken)"/>.</param>
    /// <param name="sampleWeight">Non-negative weight per row (null: all 1).</param>
    /// <param name="progress">Receives every EM iteration.</param>
    /// <param name="cancellationToken">Stops the fit between iterations.</param>
    /// <exception cref="ArgumentException">A null or ragged row, or any error of the rectangular overload.</exception>
    public TModel Fit(double[][] x, double[]? sampleWeight = null,
        IProgress<EmIteration>? progress = null, CancellationToken cancellationToken = default)
        => Fit(Internal.InputValidation.ToMatrix(x), sampleWeight, progress, cancellationToken);

    /// <summary>Fits the mixture to row-major values, <paramref name="features"/> per row, optionally weighted.</summary>
    /// <param name="x">N x <paramref name="features"/> values, row after row; copied once into a rectangular array.</param>
    /// <param name="features">Values per row (D).</param>
    /// <param name="sampleWeight">Non-negative weight per row (null: all 1).</param>
    /// <param name="progress">Receives every EM iteration.</param>
    /// <param name="cancellationToken">Stops the fit between iterations.</param>
    /// <exception cref="ArgumentException">A length that is not whole rows, or any error of the rectangular overload.</exception>
    public TModel Fit(ReadOnlyMemory<double> x, int features, double[]? sampleWeight = null,
        IProgress<EmIteration>? progress = null, CancellationToken cancellationToken = default)
        => Fit(Internal.InputValidation.ToMatrix(x, features), sampleWeight, progress, cancellationToken);

    /// <summary>
    /// The parameters EM starts from on its first restart (explicit initial parameters, or the init method
    /// with this seed), before any iteration: iteration 0 of a learning picture. With a fixed seed it is
    /// exactly where <see cref="Fit(IRowSource, IProgress{EmIteration}, CancellationToken)"/> starts (a warm start from <see cref="Model"/> is not considered).
    /// The returned model has no fit diagnostics (NaN lower bound, 0 iterations).
    /// </summary>
    /// <exception cref="ArgumentException">The same data, weight and initial-parameter errors as <see cref="Fit(IRowSource, IProgress{EmIteration}, CancellationToken)"/>.</exception>
    public TModel InitialModel(double[,] x, double[]? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        return _pipeline.Initial(new ArrayRowSource(x, sampleWeight));
    }

    /// <summary>The parameters EM starts from (see <see cref="InitialModel(double[,], double[])"/>) for rows of any source.</summary>
    public TModel InitialModel(IRowSource rows) => _pipeline.Initial(rows);

    /// <summary>Fits, then returns the most probable component of every row (consistent with Predict).</summary>
    public int[] FitPredict(double[,] x, double[]? sampleWeight = null) => Fit(x, sampleWeight).Predict(x);
}
