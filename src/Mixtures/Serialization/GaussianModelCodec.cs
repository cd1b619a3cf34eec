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

    public void WriteParameters(Utf8JsonWriter w, IMixtureModel model) => Write(w, ((GaussianMixtureModel)model).Parameters);

    public IMixtureModel Read(JsonFields f, int k, int d, double[] weights, double[] means, FitInfo info) =>
        new GaussianMixtureModel(ReadParameters(f, k, d, weights, means), info);

    /// <summary>covariance_type, covariances and precisions_cholesky (also the point estimate of a variational fit).</summary>
    internal static void Write(Utf8JsonWriter w, GaussianParameters p)
    {
        w.WriteString("covariance_type", p.Model.Name);
        var shape = p.Model.Shape(p.K, p.D);
        JsonArrays.Write(w, "covariances", p.Covariances, shape);
        JsonArrays.Write(w, "precisions_cholesky", p.PrecisionsCholesky, shape);
    }

    /// <summary>The Gaussian parameters of a model file, checked; the stored precision factors kept bit for bit.</summary>
    internal static GaussianParameters ReadParameters(JsonFields f, int k, int d, double[] weights, double[] means)
    {
        string typeName = f.String("covariance_type");
        var model = CovarianceModels.Find(typeName)
            ?? throw f.Error($"covariance_type '{typeName}' is unknown; expected {Alternatives()}.");
        var shape = model.Shape(k, d);
        var cov = f.Array("covariances", shape);
        var prec = f.Array("precisions_cholesky", shape);
        var p = GaussianParameters.Restore(model, k, d, weights, means, cov, prec, out string? problem);
        return p ?? throw f.Error(problem!);
    }

    /// <summary>"full, tied, diag or spherical": the registered names.</summary>
    static string Alternatives()
    {
        var names = CovarianceTypes.Names;
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
    }
}
