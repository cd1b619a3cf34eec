using Mixtures.Internal;
using Mixtures.Internal.Bernoulli;
using Mixtures.Internal.Poisson;

namespace Mixtures;

/// <summary>
/// A fitted Poisson mixture: weights, rates lambda_kd, fit diagnostics, and prediction, scoring and
/// sampling. Immutable and safe to use from many threads at once; array properties return copies.
/// </summary>
public sealed class PoissonMixtureModel : IMixtureModel
{
    readonly LinearEvaluator _evaluator;

    internal PoissonMixtureModel(MeanParameters parameters, FitInfo info, double minRate)
    {
        Parameters = parameters;
        Info = info;
        MinRate = minRate;
        _evaluator = PoissonFamily.CreateEvaluatorFor(parameters);
    }

    internal MeanParameters Parameters { get; }
    internal FitInfo Info { get; }

    /// <summary>Creates a model from explicit parameters.</summary>
    /// <param name="weights">Mixing weights [K], non-negative, summing to 1.</param>
    /// <param name="rates">Poisson rates [K, D], positive.</param>
    /// <exception cref="ArgumentException">A shape is wrong, the weights are not a distribution, or a rate is not positive.</exception>
    public static PoissonMixtureModel FromParameters(double[] weights, double[,] rates)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(rates);
        int k = weights.Length, d = rates.GetLength(1);
        ParameterChecks.Weights(weights, k, nameof(weights));
        MeanMixtureFit.CheckMeans(rates, k, d, PoissonMixture.CheckRate, nameof(rates));
        return new PoissonMixtureModel(new MeanParameters(k, d, (double[])weights.Clone(), MatrixSpan.ToFlat(rates)), FitInfo.None, 0);
    }

    /// <inheritdoc />
    public string Family => "poisson";

    /// <summary>The rate floor the model was fitted with (0 for a model built from parameters).</summary>
    public double MinRate { get; }

    /// <inheritdoc />
    public int Components => Parameters.K;

    /// <inheritdoc />
    public int Features => Parameters.D;

    /// <inheritdoc />
    public double[] Weights => (double[])Parameters.Weights.Clone();

    /// <summary>The rates lambda_kd [K, D] (a copy); the mean of a Poisson distribution is its rate.</summary>
    public double[,] Means => MatrixSpan.ToMatrix(Parameters.Means, Parameters.K, Parameters.D);

    /// <summary>The rates lambda_kd [K, D] (a copy; the same as <see cref="Means"/>).</summary>
    public double[,] Rates => Means;

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
        return new PoissonMixtureModel(Parameters, Info with { FeatureNames = names is null ? null : (string[])names.Clone() }, MinRate);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A count is negative or not an integer, or the column count differs.</exception>
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
    /// <remarks>Each drawn row holds integer counts: x_d ~ Poisson(lambda_kd) for the drawn component k.</remarks>
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
                    flat[row * d + j] = PoissonSampler.Next(sampler.Random, Parameters.Means[c * d + j]);
        return new MixtureSample(points, NormalSampler.ComponentLabels(counts));
    }

    double[,] Prepare(double[,] x)
    {
        InputValidation.RequireFeatures(x, Features);
        CountData.Require(x);
        return x;
    }
}
