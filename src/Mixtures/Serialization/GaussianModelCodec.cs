using System.Text.Json;
using Mixtures.Internal;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Covariance;

namespace Mixtures.Serialization;

/// <summary>covariance_type, covariances and precisions_cholesky in scikit-learn's shapes.</summary>
internal sealed class GaussianModelCodec : IModelCodec
{
    public string Family => "gaussian";

    public bool CanWrite(IMixtureModel model) => model is GaussianMixtureModel;

    public void WriteParameters(Utf8JsonWriter w, IMixtureModel model)
    {
        var p = ((GaussianMixtureModel)model).Parameters;
        w.WriteString("covariance_type", p.Model.Name);
        var shape = p.Model.Shape(p.K, p.D);
        JsonArrays.Write(w, "covariances", p.Covariances, shape);
        JsonArrays.Write(w, "precisions_cholesky", p.PrecisionsCholesky, shape);
    }

    public IMixtureModel Read(JsonFields f, int k, int d, double[] weights, double[] means, FitInfo info)
    {
        string typeName = f.String("covariance_type");
        var model = CovarianceModels.Find(typeName)
            ?? throw f.Error($"covariance_type '{typeName}' is unknown; expected {Alternatives()}.");
        var shape = model.Shape(k, d);
        var cov = f.Array("covariances", shape);
        var prec = f.Array("precisions_cholesky", shape);
        var p = GaussianParameters.Restore(model, k, d, weights, means, cov, prec, out string? problem);
        if (p is null) throw f.Error(problem!);
        return new GaussianMixtureModel(p, info);
    }

    /// <summary>"full, tied, diag or spherical": the registered names.</summary>
    static string Alternatives()
    {
        var names = CovarianceTypes.Names;
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
    }
}
