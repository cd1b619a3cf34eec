using System.Text.Json;
using Mixtures.Internal;
using Mixtures.Internal.Gaussian;

namespace Mixtures.Serialization;

/// <summary>covariance_type, covariances and precisions_cholesky in scikit-learn's shapes.</summary>
internal sealed class GaussianModelCodec : IModelCodec
{
    public string Family => "gaussian";

    public bool CanWrite(IMixtureModel model) => model is GaussianMixtureModel;

    public void WriteParameters(Utf8JsonWriter w, IMixtureModel model)
    {
        var p = ((GaussianMixtureModel)model).Parameters;
        w.WriteString("covariance_type", Name(p.Type));
        var shape = Shape(p.Type, p.K, p.D);
        JsonArrays.Write(w, "covariances", p.Covariances, shape);
        JsonArrays.Write(w, "precisions_cholesky", p.PrecisionsCholesky, shape);
    }

    public IMixtureModel Read(JsonFields f, int k, int d, double[] weights, double[] means, FitInfo info)
    {
        string typeName = f.String("covariance_type");
        CovarianceType type = typeName switch
        {
            "full" => CovarianceType.Full,
            "tied" => CovarianceType.Tied,
            "diag" => CovarianceType.Diag,
            "spherical" => CovarianceType.Spherical,
            _ => throw f.Error($"covariance_type '{typeName}' is unknown; expected full, tied, diag or spherical."),
        };
        var shape = Shape(type, k, d);
        var cov = f.Array("covariances", shape);
        var prec = f.Array("precisions_cholesky", shape);
        var p = GaussianParameters.Restore(type, k, d, weights, means, cov, prec, out string? problem);
        if (p is null) throw f.Error(problem!);
        return new GaussianMixtureModel(p, info);
    }

    public static string Name(CovarianceType t) => t switch
    {
        CovarianceType.Full => "full",
        CovarianceType.Tied => "tied",
        CovarianceType.Diag => "diag",
        _ => "spherical",
    };

    static int[] Shape(CovarianceType t, int k, int d) => t switch
    {
        CovarianceType.Full => [k, d, d],
        CovarianceType.Tied => [d, d],
        CovarianceType.Diag => [k, d],
        _ => [k],
    };
}
