using Mixtures.Data;
using Mixtures.Internal.Gaussian.Covariance;

namespace Mixtures.Internal.Gaussian.Variational;

/// <summary>
/// The priors a variational fit uses, resolved from the options and the data as scikit-learn resolves
/// them: a0 (weight concentration), b0 (mean precision), m0 (mean, D), v0 (degrees of freedom) and P0
/// (covariance, flat in the covariance model's prior shape).
/// </summary>
internal sealed record VariationalPriors(
    WeightConcentrationPriorType Type, double WeightConcentration, double MeanPrecision, double[] Mean,
    double DegreesOfFreedom, double[] Covariance)
{
    /// <summary>
    /// The options' priors, each missing one from its default: a0 = 1/K, b0 = 1, m0 = the data mean, v0 = D,
    /// P0 = the data covariance in the model's shape (zero entries from constant columns are accepted there,
    /// as scikit-learn accepts them when it computes the default itself).
    /// </summary>
    /// <exception cref="ArgumentException">An explicit prior does not fit the data's D or the covariance model.</exception>
    public static VariationalPriors Resolve(BayesianGaussianMixtureOptions o, IVariationalCovariance model, IRowSource data,
        double totalWeight, ReadOnlySpan<double> dataMean)
    {
        int k = o.Components, d = data.Features;
        var mean = dataMean.ToArray();
        if (o.MeanPrior is { } m0)
        {
            if (m0.Length != d)
                throw new ArgumentException($"MeanPrior has {m0.Length} values for {d} features.", nameof(o.MeanPrior));
            mean = (double[])m0.Clone();
        }
        double dof = o.DegreesOfFreedomPrior ?? d;
        if (!(dof > d - 1))
            throw new ArgumentException($"DegreesOfFreedomPrior = {dof} must be greater than the number of features minus 1 ({d - 1}).", nameof(o.DegreesOfFreedomPrior));
        double[] covariance;
        if (o.CovariancePrior is { } p0)
        {
            covariance = Flatten(p0, model.PriorShape(d), d);
            if (model.CheckPrior(covariance, d) is { } problem)
                throw new ArgumentException($"CovariancePrior {problem}", nameof(o.CovariancePrior));
        }
        else
        {
            if (!(totalWeight > 1))
                throw new ArgumentException("The default CovariancePrior (the data covariance, divisor N - 1) needs a total sample weight above 1; give CovariancePrior.", nameof(o.CovariancePrior));
            covariance = model.DefaultPrior(data, totalWeight);
        }
        return new VariationalPriors(o.WeightConcentrationPriorType, o.WeightConcentrationPrior ?? 1.0 / k,
            o.MeanPrecisionPrior ?? 1.0, mean, dof, covariance);
    }

    /// <summary>The public shape of P0 for a prior shape: [D, D] as D x D, [D] as 1 x D, one number as 1 x 1.</summary>
    public static (int Rows, int Columns) PublicShape(int[] shape) =>
        shape.Length switch { 2 => (shape[0], shape[1]), 1 => (1, shape[0]), _ => (1, 1) };

    static double[] Flatten(double[,] p0, int[] shape, int d)
    {
        var (rows, columns) = PublicShape(shape);
        if (p0.GetLength(0) != rows || p0.GetLength(1) != columns)
            throw new ArgumentException($"CovariancePrior must be {rows} x {columns} for this covariance type and {d} features; it is {p0.GetLength(0)} x {p0.GetLength(1)}.", nameof(BayesianGaussianMixtureOptions.CovariancePrior));
        return MatrixSpan.ToFlat(p0);
    }
}
