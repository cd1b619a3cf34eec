using System.Text.Json;
using Mixtures.Internal;
using Mixtures.Internal.Means;

namespace Mixtures.Serialization;

/// <summary>Poisson mixtures: <c>means</c> are the rates; adds <c>min_rate</c>.</summary>
internal sealed class PoissonModelCodec : IModelCodec
{
    public string Family => "poisson";

    public bool CanWrite(IMixtureModel model) => model is PoissonMixtureModel;

    public void WriteParameters(Utf8JsonWriter w, IMixtureModel model) =>
        JsonArrays.Number(w, "min_rate", ((PoissonMixtureModel)model).MinRate);

    public IMixtureModel Read(JsonFields f, int k, int d, double[] weights, double[] means, FitInfo info)
    {
        for (int i = 0; i < means.Length; i++)
            if (!(means[i] > 0))
                throw f.Error($"means[{i / d}][{i % d}] = {means[i]}: a Poisson rate must be positive.");
        double minRate = f.Number("min_rate", 0);
        if (!(minRate >= 0)) throw f.Error($"field 'min_rate' is {minRate}; it must be >= 0.");
        return new PoissonMixtureModel(new MeanParameters(k, d, weights, means), info, minRate);
    }
}
