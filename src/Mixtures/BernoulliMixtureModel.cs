using Mixtures.Internal;
using Mixtures.Internal.Bernoulli;
using Mixtures.Internal.Means;

namespace Mixtures;

/// <summary>
/// A fitted Bernoulli mixture: weights, success probabilities mu_kd, fit diagnostics, and prediction,
/// scoring and sampling. Immutable and safe to use from many threads at once; array properties
/// return copies. When a binarize threshold was used in the fit, every method binarizes its input the same way.
/// </summary>
public sealed class BernoulliMixtureModel : MixtureModel
{
    internal BernoulliMixtureModel(MeanParameters parameters, FitInfo info, double alpha, double? binarizeThreshold)
        : base(info)
    {
        Parameters = parameters;
        Alpha = alpha;
        BinarizeThreshold = binarizeThreshold;
        Evaluator = LinearEvaluator.For(parameters, BernoulliFamily.Terms, null);
    }

    internal MeanParameters Parameters { get; }

    private protected override IComponentEvaluator Evaluator { get; }

    private protected override MixtureModel WithInfo(FitInfo info) => new BernoulliMixtureModel(Parameters, info, Alpha, BinarizeThreshold);

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
        MeanFitSpec<BernoulliMixtureModel>.CheckMeans(means, k, d, BernoulliFitSpec.CheckProbability, nameof(means));
        if (binarizeThreshold is { } t && !double.IsFinite(t))
            throw new ArgumentOutOfRangeException(nameof(binarizeThreshold), t, "The binarize threshold must be finite.");
        return new BernoulliMixtureModel(new MeanParameters(k, d, (double[])weights.Clone(), MatrixSpan.ToFlat(means)),
            FitInfo.None, 0, binarizeThreshold);
    }

    /// <inheritdoc />
    public override string Family => "bernoulli";

    /// <summary>The smoothing pseudo-count the model was fitted with (0 for a model built from parameters).</summary>
    public double Alpha { get; }

    /// <summary>The threshold every input is binarized at (values &gt;= it become 1), or null when inputs must already be 0/1.</summary>
    public double? BinarizeThreshold { get; }

    /// <inheritdoc />
    public override int Components => Parameters.K;

    /// <inheritdoc />
    public override int Features => Parameters.D;

    /// <inheritdoc />
    public override double[] Weights => (double[])Parameters.Weights.Clone();

    /// <summary>Success probabilities mu_kd = P(x_d = 1 | component k) [K, D] (a copy).</summary>
    public override double[,] Means => MatrixSpan.ToMatrix(Parameters.Means, Parameters.K, Parameters.D);

    /// <inheritdoc />
    public override int ParameterCount => MeanParameters.ParameterCount(Parameters.K, Parameters.D);

    /// <inheritdoc />
    /// <remarks>Each drawn row holds 0/1 values: x_d ~ Bernoulli(mu_kd) for the drawn component k.</remarks>
    public override MixtureSample Sample(int n, int? seed = null) => Parameters.Sample(n, seed, Bit);

    private protected override void Draw(int n, int? seed, SampleWindows windows) => Parameters.Draw(n, seed, Bit, windows);

    static double Bit(Random rng, double mu) => rng.NextDouble() < mu ? 1.0 : 0.0;

    /// <exception cref="ArgumentException">The column count differs, or a value is not valid for this family.</exception>
    private protected override double[,] PrepareInput(double[,] x)
    {
        InputValidation.RequireFeatures(x, Features);
        return BinaryData.Prepare(x, BinarizeThreshold);
    }
}
