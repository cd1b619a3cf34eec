using Mixtures.Internal;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Variational;

namespace Mixtures;

/// <summary>
/// A Gaussian mixture fitted by variational Bayes (<see cref="BayesianGaussianMixture"/>): the point-estimate
/// mixture (<see cref="MixtureModel.Weights"/>, means, covariances, which <see cref="GaussianMixtureModel.Sample"/>
/// draws from) and the variational posterior behind it. As in scikit-learn, Predict, PredictProba,
/// ScoreSamples and Score use the variational E-step (expected log-weights, digamma terms and the
/// means' uncertainty), not the point-estimate density; <see cref="MixtureModel.LowerBound"/> and its
/// history are scikit-learn's lower bound on the evidence, a total over the training data. BIC and AIC
/// do not apply: they are NaN.
/// </summary>
public sealed class BayesianGaussianMixtureModel : GaussianMixtureModel
{
    internal BayesianGaussianMixtureModel(VariationalParameters parameters, FitInfo info)
        : base(parameters.Point, info, new GaussianEvaluator(parameters.Point, parameters.LogWeightTerms))
    {
        Variational = parameters;
    }

    internal VariationalParameters Variational { get; }

    private protected override MixtureModel WithInfo(FitInfo info) => new BayesianGaussianMixtureModel(Variational, info);

    internal override bool InformationCriteriaApply => false;

    /// <summary>The prior on the weights the model was fitted with.</summary>
    public WeightConcentrationPriorType WeightConcentrationPriorType => Variational.Priors.Type;

    /// <summary>
    /// The weights' posterior concentrations (scikit-learn's <c>weight_concentration_</c>): for the Dirichlet
    /// process [2, K] (row 0 a_k, row 1 b_k of the Beta stick lengths), for the Dirichlet distribution [1, K].
    /// </summary>
    public double[,] WeightConcentration
    {
        get
        {
            var b = Variational.ConcentrationB;
            int k = Components;
            var r = new double[b is null ? 1 : 2, k];
            for (int c = 0; c < k; c++)
            {
                r[0, c] = Variational.Concentration[c];
                if (b is not null) r[1, c] = b[c];
            }
            return r;
        }
    }

    /// <summary>Posterior precisions beta_k of the means [K] (scikit-learn's <c>mean_precision_</c>).</summary>
    public double[] MeanPrecision => (double[])Variational.MeanPrecision.Clone();

    /// <summary>Posterior degrees of freedom nu_k [K] (tied: one shared value, repeated K times).</summary>
    public double[] DegreesOfFreedom => (double[])Variational.DegreesOfFreedom.Clone();

    /// <summary>The weight concentration prior a0 used.</summary>
    public double WeightConcentrationPrior => Variational.Priors.WeightConcentration;

    /// <summary>The mean precision prior b0 used.</summary>
    public double MeanPrecisionPrior => Variational.Priors.MeanPrecision;

    /// <summary>The mean prior m0 used [D].</summary>
    public double[] MeanPrior => (double[])Variational.Priors.Mean.Clone();

    /// <summary>The degrees-of-freedom prior v0 used.</summary>
    public double DegreesOfFreedomPrior => Variational.Priors.DegreesOfFreedom;

    /// <summary>The covariance prior P0 used, shaped as <see cref="BayesianGaussianMixtureOptions.CovariancePrior"/>.</summary>
    public double[,] CovariancePrior
    {
        get
        {
            var shape = ((Internal.Gaussian.Covariance.IVariationalCovariance)Parameters.Model).PriorShape(Features);
            var (rows, columns) = VariationalPriors.PublicShape(shape);
            return MatrixSpan.ToMatrix(Variational.Priors.Covariance, rows, columns);
        }
    }

    /// <summary>How many components have a weight of at least <paramref name="threshold"/>: the ones the data kept.</summary>
    public int EffectiveComponents(double threshold = 1e-3) => Parameters.Weights.Count(w => w >= threshold);
}
