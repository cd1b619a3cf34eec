using System.Text.Json;
using Mixtures.Internal;
using Mixtures.Internal.Bernoulli;
using Mixtures.Internal.Means;

namespace Mixtures.Serialization;

/// <summary>Bernoulli mixtures: <c>means</c> are the success probabilities; adds <c>alpha</c> and <c>binarize</c> (null or the threshold).</summary>
internal sealed class BernoulliModelCodec : IModelCodec
{
    public string Family => "bernoulli";

    public bool CanWrite(IMixtureModel model) => model is BernoulliMixtureModel;

    public void WriteParameters(Utf8JsonWriter w, IMixtureModel model)
    {
        var m = (BernoulliMixtureModel)model;
        JsonArrays.Number(w, "alpha", m.Alpha);
        w.WritePropertyName("binarize");
        if (m.BinarizeThreshold is { } t) JsonArrays.Number(w, t);
        else w.WriteNullValue();
    }

    public IMixtureModel Read(JsonFields f, int k, int d, double[] weights, double[] means, FitInfo info)
    {
        for (int i = 0; i < means.Length; i++)
            if (!(means[i] > 0 && means[i] < 1))
                throw f.Error($"means[{i / d}][{i % d}] = {means[i]}: a Bernoulli mean must lie strictly between 0 and 1.");
        double alpha = f.Number("alpha", 0);
        if (!(alpha >= 0)) throw f.Error($"field 'alpha' is {alpha}; it must be >= 0.");
        double? threshold = f.Has("binarize") ? f.Number("binarize", double.NaN) : null;
        return new BernoulliMixtureModel(new MeanParameters(k, d, weights, means), info, alpha, threshold);
    }
}
