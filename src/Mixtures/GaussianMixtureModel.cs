using Mixtures.Internal;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Kernels;

namespace Mixtures;

/// <summary>
/// A fitted Gaussian mixture: parameters, fit diagnostics, and prediction, scoring and sampling.
/// Immutable and safe to use from many threads at once; array properties return copies.
/// A variational fit gives the derived <see cref="BayesianGaussianMixtureModel"/>.
/// </summary>
public class GaussianMixtureModel : MixtureModel
{
    internal GaussianMixtureModel(GaussianParameters parameters, FitInfo info)
        : this(parameters, info, new GaussianEvaluator(parameters)) { }

    /// <summary>A model whose E-step is <paramref name="evaluator"/> over these parameters (the variational one).</summary>
    private protected GaussianMixtureModel(GaussianParameters parameters, FitInfo info, IComponentEvaluator evaluator)
        : base(info)
    {
        Parameters = parameters;
        Evaluator = evaluator;
    }

    internal GaussianParameters Parameters { get; }

    private protected override IComponentEvaluator Evaluator { get; }

    private protected override MixtureModel WithInfo(FitInfo info) => new GaussianMixtureModel(Parameters, info);

    /// <summary>Creates a model from explicit parameters, with covariances shaped as <see cref="Covariances"/>.</summary>
    /// <exception cref="ArgumentException">A shape is wrong, weights are not a distribution, or a covariance is not positive definite.</exception>
    public static GaussianMixtureModel FromParameters(CovarianceType covarianceType, double[] weights, double[,] means, double[,,] covariances)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(covariances);
        int k = weights.Length, d = means.GetLength(1);
        ParameterChecks.Weights(weights, k, nameof(weights));
        ParameterChecks.Means(means, k, d, nameof(means));
        if (covariances.GetLength(0) != k || covariances.GetLength(1) != d || covariances.GetLength(2) != d)
            throw new ArgumentException($"covariances must have shape [{k}, {d}, {d}].", nameof(covariances));
        var flat = MatrixSpan.Flat(covariances);
        var model = CovarianceModels.Get(covarianceType);
        var cov = new double[model.Length(k, d)];
        model.FromFull(MatrixSpan.Flat(covariances), cov, k, d);
        var failed = new List<int>();
        var p = GaussianParameters.TryCreate(model, k, d, (double[])weights.Clone(), MatrixSpan.ToFlat(means), cov, failed)
            ?? throw new ArgumentException(failed[0] < 0
                ? "The shared covariance is not positive definite."
                : $"The covariance of component {failed[0]} is not positive definite.", nameof(covariances));
        return new GaussianMixtureModel(p, FitInfo.None);
    }

    /// <inheritdoc />
    public override string Family => "gaussian";

    /// <summary>How the covariances are parametrized.</summary>
    public CovarianceType CovarianceType => Parameters.Type;

    /// <inheritdoc />
    public override int Components => Parameters.K;

    /// <inheritdoc />
    public override int Features => Parameters.D;

    /// <inheritdoc />
    public override double[] Weights => (double[])Parameters.Weights.Clone();

    /// <inheritdoc />
    public override double[,] Means => MatrixSpan.ToMatrix(Parameters.Means, Parameters.K, Parameters.D);

    /// <summary>Covariance of every component as a full matrix [K, D, D] (tied: repeated; diag, spherical: expanded).</summary>
    public double[,,] Covariances => PerComponent(Parameters.FullCovariance);

    /// <summary>Precision (inverse covariance) of every component [K, D, D].</summary>
    public double[,,] Precisions => PerComponent((c, o) =>
    {
        var u = new double[Features * Features];
        Parameters.FullPrecisionCholesky(c, u);
        Cholesky.PrecisionFromFactor(u, o, Features);
    });

    /// <summary>Upper-triangular U of every component [K, D, D] with precision = U U^T (scikit-learn's <c>precisions_cholesky_</c>).</summary>
    public double[,,] PrecisionsCholesky => PerComponent(Parameters.FullPrecisionCholesky);

    /// <summary>Covariances in scikit-learn's shape for the type, flattened: K*D*D, D*D, K*D or K values.</summary>
    public double[] CovariancesRaw => (double[])Parameters.Covariances.Clone();

    /// <summary>Precision factors in scikit-learn's shape for the type, flattened like <see cref="CovariancesRaw"/>.</summary>
    public double[] PrecisionsCholeskyRaw => (double[])Parameters.PrecisionsCholesky.Clone();

    /// <inheritdoc />
    public override int ParameterCount => GaussianParameters.ParameterCount(Parameters.Model, Parameters.K, Parameters.D);

    /// <inheritdoc />
    public override MixtureSample Sample(int n, int? seed = null)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The number of samples must be at least 1.");
        return SampleWindows.Collect(n, Features, w => Draw(n, seed, w));
    }

    private protected override void Draw(int n, int? seed, SampleWindows windows)
    {
        int k = Components, d = Features;
        var sampler = new NormalSampler(new Random(seed ?? Random.Shared.Next()));
        var counts = sampler.Counts(n, Parameters.Weights);
        var cov = new double[d * d];
        var l = new double[d * d];
        var z = new double[d];
        for (int c = 0; c < k; c++)
        {
            Parameters.FullCovariance(c, cov);
            if (!Cholesky.Factor(cov, l, d))
                throw new InvalidOperationException($"The covariance of component {c} is not positive definite.");
            for (int i = 0; i < counts[c]; i++)
            {
                for (int j = 0; j < d; j++) z[j] = sampler.Next();
                var o = windows.Next(c);
                for (int a = 0; a < d; a++)
                {
                    double s = Parameters.Means[c * d + a];
                    for (int b = 0; b <= a; b++) s += l[a * d + b] * z[b];
                    o[a] = s;
                }
            }
        }
    }

    double[,,] PerComponent(Action<int, Span<double>> fill)
    {
        int k = Components, d = Features;
        var a = new double[k, d, d];
        var flat = MatrixSpan.Flat(a);
        for (int c = 0; c < k; c++) fill(c, flat.Slice(c * d * d, d * d));
        return a;
    }
}
