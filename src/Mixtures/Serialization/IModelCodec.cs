using System.Text.Json;
using Mixtures.Internal;

namespace Mixtures.Serialization;

/// <summary>The family-specific part of a model file; the common fields are handled by <see cref="MixtureModelJson"/>.</summary>
internal interface IModelCodec
{
    string Family { get; }
    bool CanWrite(IMixtureModel model);

    /// <summary>Whether this codec reads a file of its family (several codecs can share a family: plain and variational Gaussian).</summary>
    bool CanRead(JsonFields f) => true;
    void WriteParameters(Utf8JsonWriter w, IMixtureModel model);
    IMixtureModel Read(JsonFields f, int k, int d, double[] weights, double[] means, FitInfo info);
}
