using System.Text.Json;
using Mixtures.Internal;
using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Internal.Gaussian.Variational;

namespace Mixtures.Serialization;

/// <summary>
/// A variational fit: the Gaussian fields of its point estimate, then <c>"variational": true</c>,
/// <c>weight_concentration_prior_type</c>, <c>weight_concentration</c> ([2][K] for the Dirichlet process,
/// [K] for the Dirichlet distribution), <c>mean_precision</c> [K], <c>degrees_of_freedom</c> ([K]; one
/// number for tied) and the priors in scikit-learn's shapes (<c>covariance_prior</c>: [D][D], [D] or a number).
/// </summary>
internal sealed class BayesianGaussianModelCodec : IModelCodec
{
    const string DirichletProcess = "dirichlet_process", DirichletDistribution = "dirichlet_distribution";

    public string Family => "gaussian";

    public bool CanWrite(IMixtureModel model) => model is BayesianGaussianMixtureModel;

    public bool CanRead(JsonFields f) => f.Bool("variational", false);

    public void WriteParameters(Utf8JsonWriter w, IMixtureModel model)
    {
        var v = ((BayesianGaussianMixtureModel)model).Variational;
        var p = v.Point;
        var posterior = (IVariationalCovariance)p.Model;
        int k = p.K, d = p.D;
        GaussianModelCodec.Write(w, p);
        w.WriteBoolean("variational", true);
        bool process = v.ConcentrationB is not null;
        w.WriteString("weight_concentration_prior_type", process ? DirichletProcess : DirichletDistribution);
        if (v.ConcentrationB is { } b)
            JsonArrays.Write(w, "weight_concentration", [.. v.Concentration, .. b], 2, k);
        else
            JsonArrays.Write(w, "weight_concentration", v.Concentration, k);
        JsonArrays.Write(w, "mean_precision", v.MeanPrecision, k);
        if (posterior.SharedDegreesOfFreedom) JsonArrays.Number(w, "degrees_of_freedom", v.DegreesOfFreedom[0]);
        else JsonArrays.Write(w, "degrees_of_freedom", v.DegreesOfFreedom, k);
        var pr = v.Priors;
        JsonArrays.Number(w, "weight_concentration_prior", pr.WeightConcentration);
        JsonArrays.Number(w, "mean_precision_prior", pr.MeanPrecision);
        JsonArrays.Write(w, "mean_prior", pr.Mean, d);
        JsonArrays.Number(w, "degrees_of_freedom_prior", pr.DegreesOfFreedom);
        JsonArrays.Write(w, "covariance_prior", pr.Covariance, posterior.PriorShape(d));
    }

    public IMixtureModel Read(JsonFields f, int k, int d, double[] weights, double[] means, FitInfo info)
    {
        var point = GaussianModelCodec.ReadParameters(f, k, d, weights, means);
        var posterior = point.Model as IVariationalCovariance
            ?? throw f.Error($"covariance_type '{point.Model.Name}' has no variational fit.");
        string type = f.String("weight_concentration_prior_type");
        bool process = type switch
        {
            DirichletProcess => true,
            DirichletDistribution => false,
            _ => throw f.Error($"weight_concentration_prior_type '{type}' is unknown; expected {DirichletProcess} or {DirichletDistribution}."),
        };
        var concentration = Positive(f, "weight_concentration", f.Array("weight_concentration", process ? [2, k] : [k]));
        var meanPrecision = Positive(f, "mean_precision", f.Array("mean_precision", k));
        var dof = posterior.SharedDegreesOfFreedom
            ? Enumerable.Repeat(f.Array("degrees_of_freedom")[0], k).ToArray()
            : f.Array("degrees_of_freedom", k);
        foreach (double nu in dof)
            if (!(nu > d - 1)) throw f.Error($"degrees_of_freedom must be greater than n_features - 1 ({d - 1}).");
        var priors = new VariationalPriors(
            process ? WeightConcentrationPriorType.DirichletProcess : WeightConcentrationPriorType.DirichletDistribution,
            Positive(f, "weight_concentration_prior", f.Array("weight_concentration_prior"))[0],
            Positive(f, "mean_precision_prior", f.Array("mean_precision_prior"))[0],
            f.Array("mean_prior", d),
            f.Array("degrees_of_freedom_prior")[0],
            f.Array("covariance_prior", posterior.PriorShape(d)));
        if (!(priors.DegreesOfFreedom > d - 1)) throw f.Error($"degrees_of_freedom_prior must be greater than n_features - 1 ({d - 1}).");
        var v = VariationalParameters.Restore(point, process ? concentration[..k] : concentration, process ? concentration[k..] : null,
            meanPrecision, dof, priors);
        return new BayesianGaussianMixtureModel(v, info);
    }

    static double[] Positive(JsonFields f, string name, double[] values)
    {
        foreach (double v in values)
            if (!(v > 0)) throw f.Error($"{name} must be positive.");
        return values;
    }
}
