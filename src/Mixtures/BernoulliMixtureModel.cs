using Mixtures.Internal;
using Mixtures.Internal.Bernoulli;

namespace Mixtures;

/// <summary>
/// A fitted Bernoulli mixture: weights, success probabilities mu_kd, fit diagnostics, and prediction,
/// scoring and sampling. Immutable and safe to use from many threads at once; array properties
/// return copies. When a binarize threshold was used in the fit, every method binarizes its input the same way.
/// </summary>
public sealed class BernoulliMixtureModel : IMixtureModel
{
    readonly LinearEvaluator _evaluator;

    internal BernoulliMixtureModel(MeanParameters parameters, FitInfo info, double alpha, double? binarizeThreshold)
    {
        Parameters = parameters;
        Info = info;
        Alpha = alpha;
        BinarizeThreshold = binarizeThreshold;
        _evaluator = BernoulliFamily.CreateEvaluatorFor(parameters);
    }

    internal MeanParameters Parameters { get; }
    internal FitInfo Info { get; }

    /// <summary>Creates a model from explicit parameters.</summary>
    /// <param name="weights">Mixing weights [K], non-negative, summing to 1.</param>
    /// <param name="means">Success probabilities [K, D], strictly between 0 and 1.</param>
    /// <param name="binarizeThreshold">Optional threshold applied to every input (values &gt;= it become 1).</param>
    /// <exception cref="ArgumentException">A shape is wrong, the weights are not a distribution, or a mean is outside (0, 1).</exception>
    public static BernoulliMixtureModel FromParameters(double[] weights, double[,] means, double? binarizeThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(means);
        int k = weights.Length, d = means.GetLength(1);
        ParameterChecks.Weights(weights, k, nameof(weights));
        MeanMixtureFit.CheckMeans(means, k, d, BernoulliMixture.CheckMean, nameof(means));
        if (binarizeThreshold is { } t && !double.IsFinite(t))
            throw new ArgumentOutOfRangeException(nameof(binarizeThreshold), t, "The binarize threshold must be finite.");
        return new BernoulliMixtureModel(new MeanParameters(k, d, (double[])weights.Clone(), MatrixSpan.ToFlat(means)),
            FitInfo.None, 0, binarizeThreshold);
    }

    /// <inheritdoc />
    public string Family => "bernoulli";

    /// <summary>The smoothing pseudo-count the model was fitted with (0 for a model built from parameters).</summary>
    public double Alpha { get; }

    /// <summary>The threshold every input is binarized at (values &gt;= it become 1), or null when inputs must already be 0/1.</summary>
    public double? BinarizeThreshold { get; }

    /// <inheritdoc />
    public int Components => Parameters.K;

    /// <inheritdoc />
    public int Features => Parameters.D;

    /// <inheritdoc />
    public double[] Weights => (double[])Parameters.Weights.Clone();

    /// <summary>Success probabilities mu_kd = P(x_d = 1 | component k) [K, D] (a copy).</summary>
    public double[,] Means => MatrixSpan.ToMatrix(Parameters.Means, Parameters.K, Parameters.D);

    /// <inheritdoc />
    public double LowerBound => Info.LowerBound;
    /// <inheritdoc />
    public double[] LowerBoundHistory => (double[])Info.History.Clone();
    /// <inheritdoc />
    public bool Converged => Info.Converged;
    /// <inheritdoc />
    public int Iterations => Info.Iterations;
    /// <inheritdoc />
    public int Reseeds => Info.Reseeds;
    /// <inheritdoc />
    public double FitSeconds => Info.FitSeconds;
    /// <inheritdoc />
    public double TrainingScore => Info.TrainingScore;
    /// <inheritdoc />
    public int TrainingSamples => Info.TrainingSamples;
    /// <inheritdoc />
    public string[]? FeatureNames => Info.FeatureNames is null ? null : (string[])Info.FeatureNames.Clone();
    /// <inheritdoc />
    public int ParameterCount => MeanParameters.ParameterCount(Parameters.K, Parameters.D);

    /// <summary>BIC of the training data (NaN when the model was not fitted here).</summary>
    public double TrainingBic => TrainingSamples > 0 ? MixtureScoring.Bic(TrainingScore, TrainingSamples, ParameterCount) : double.NaN;

    /// <summary>AIC of the training data (NaN when the model was not fitted here).</summary>
    public double TrainingAic => TrainingSamples > 0 ? MixtureScoring.Aic(TrainingScore, TrainingSamples, ParameterCount) : double.NaN;

    /// <inheritdoc />
    public IMixtureModel WithFeatureNames(string[]? names)
    {
        if (names is not null && names.Length != Features)
            throw new ArgumentException($"{names.Length} feature names given for {Features} features.", nameof(names));
        return new BernoulliMixtureModel(Parameters, Info with { FeatureNames = names is null ? null : (string[])names.Clone() }, Alpha, BinarizeThreshold);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A value is not 0/1 (and no binarize threshold is set), or the column count differs.</exception>
    public int[] Predict(double[,] x) => MixtureScoring.Predict(_evaluator, Prepare(x));

    /// <inheritdoc />
    public double[,] PredictProba(double[,] x) => MixtureScoring.PredictProba(_evaluator, Prepare(x));

    /// <inheritdoc />
    public double[] ScoreSamples(double[,] x) => MixtureScoring.ScoreSamples(_evaluator, Prepare(x));

    /// <inheritdoc />
    public double Score(double[,] x) => MixtureScoring.Score(_evaluator, Prepare(x));

    /// <inheritdoc />
    public double Bic(double[,] x) => MixtureScoring.Bic(Score(x), x.GetLength(0), ParameterCount);

    /// <inheritdoc />
    public double Aic(double[,] x) => MixtureScoring.Aic(Score(x), x.GetLength(0), ParameterCount);

    /// <inheritdoc />
    /// <remarks>Each drawn row holds 0/1 values: x_d ~ Bernoulli(mu_kd) for the drawn component k.</remarks>
    public MixtureSample Sample(int n, int? seed = null)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The number of samples must be at least 1.");
        int d = Features;
        var sampler = new NormalSampler(new Random(seed ?? Random.Shared.Next()));
        var counts = sampler.Counts(n, Parameters.Weights);
        var points = new double[n, d];
        var flat = MatrixSpan.Flat(points);
        int row = 0;
        for (int c = 0; c < Components; c++)
            for (int i = 0; i < counts[c]; i++, row++)
                for (int j = 0; j < d; j++)
                    flat[row * d + j] = sampler.Random.NextDouble() < Parameters.Means[c * d + j] ? 1.0 : 0.0;
        return new MixtureSample(points, NormalSampler.ComponentLabels(counts));
    }

    double[,] Prepare(double[,] x)
    {
        InputValidation.RequireFeatures(x, Features);
        return BinaryData.Prepare(x, BinarizeThreshold);
    }
}
