using Mixtures.Internal;
using Mixtures.Internal.Means;
using Mixtures.Internal.Poisson;

namespace Mixtures;

/// <summary>
/// A fitted Poisson mixture: weights, rates lambda_kd, fit diagnostics, and prediction, scoring and
/// sampling. Immutable and safe to use from many threads at once; array properties return copies.
/// </summary>
public sealed class PoissonMixtureModel : MixtureModel
{
    internal PoissonMixtureModel(MeanParameters parameters, FitInfo info, double minRate)
        : base(info)
    {
        Parameters = parameters;
        MinRate = minRate;
        Evaluator = LinearEvaluator.For(parameters, PoissonFamily.Terms, LogFactorial.NegativeRowSum);
    }

    internal MeanParameters Parameters { get; }

    private protected override IComponentEvaluator Evaluator { get; }

    private protected override MixtureModel WithInfo(FitInfo info) => new PoissonMixtureModel(Parameters, info, MinRate);

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
        MeanFitSpec<PoissonMixtureModel>.CheckMeans(rates, k, d, PoissonFitSpec.CheckRate, nameof(rates));
        return new PoissonMixtureModel(new MeanParameters(k, d, (double[])weights.Clone(), MatrixSpan.ToFlat(rates)), FitInfo.None, 0);
    }

    /// <inheritdoc />
    public override string Family => "poisson";

    /// <summary>The rate floor the model was fitted with (0 for a model built from parameters).</summary>
    public double MinRate { get; }

    /// <inheritdoc />
    public override int Components => Parameters.K;

    /// <inheritdoc />
    public override int Features => Parameters.D;

    /// <inheritdoc />
    public override double[] Weights => (double[])Parameters.Weights.Clone();

    /// <summary>The rates lambda_kd [K, D] (a copy); the mean of a Poisson distribution is its rate.</summary>
    public override double[,] Means => MatrixSpan.ToMatrix(Parameters.Means, Parameters.K, Parameters.D);

    /// <summary>The rates lambda_kd [K, D] (a copy; the same as <see cref="Means"/>).</summary>
    public double[,] Rates => Means;

    /// <inheritdoc />
    public override int ParameterCount => MeanParameters.ParameterCount(Parameters.K, Parameters.D);

    /// <inheritdoc />
    /// <remarks>Each drawn row holds integer counts: x_d ~ Poisson(lambda_kd) for the drawn component k.</remarks>
    public override MixtureSample Sample(int n, int? seed = null) => Parameters.Sample(n, seed, PoissonSampler.Next);

    private protected override void Draw(int n, int? seed, SampleWindows windows) => Parameters.Draw(n, seed, PoissonSampler.Next, windows);

    /// <exception cref="ArgumentException">The column count differs, or a value is not valid for this family.</exception>
    private protected override double[,] PrepareInput(double[,] x)
    {
        InputValidation.RequireFeatures(x, Features);
        CountData.Require(x);
        return x;
    }
}
