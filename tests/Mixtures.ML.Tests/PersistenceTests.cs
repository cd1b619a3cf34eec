using Microsoft.ML;
using Microsoft.ML.Data;
using Mixtures.Serialization;
using Xunit;

namespace Mixtures.ML.Tests;

public class PersistenceTests
{
    static (MLContext Ml, IDataView Data, ITransformer Model) FitIris()
    {
        var ml = new MLContext(seed: 1);
        var data = Iris.Load(ml);
        var pipeline = ml.Transforms.Concatenate("Features", Iris.Columns)
            .Append(ml.Clustering.Trainers.GaussianMixture(new GaussianMixtureTrainer.Options { NumberOfComponents = 3, Seed = 2 }))
            .Append(ml.Transforms.CopyColumns("Component", "PredictedLabel"));
        return (ml, data, pipeline.Fit(data));
    }

    [Fact]
    public void SaveWithMixtures_LoadWithMixtures_RoundTrips()
    {
        var (ml, data, model) = FitIris();
        string path = Path.Combine(Path.GetTempPath(), $"mixtures-ml-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.SaveWithMixtures(model, data.Schema, path);
            var loaded = new MLContext().Model.LoadWithMixtures(path, out var schema);

            Assert.Equal(data.Schema.Select(c => c.Name), schema.Select(c => c.Name));
            var before = model.Transform(data);
            var after = loaded.Transform(data);
            Assert.Equal(before.GetColumn<uint>("PredictedLabel"), after.GetColumn<uint>("PredictedLabel"));
            Assert.Equal(before.GetColumn<uint>("Component"), after.GetColumn<uint>("Component"));
            Assert.Equal(before.GetColumn<float[]>("Score").SelectMany(v => v), after.GetColumn<float[]>("Score").SelectMany(v => v));
            Assert.Equal(before.GetColumn<float>("LogLikelihood"), after.GetColumn<float>("LogLikelihood"));

            var mixture = Assert.Single(((IEnumerable<ITransformer>)loaded).OfType<GaussianMixtureTransformer>());
            var original = ((IEnumerable<ITransformer>)model).OfType<GaussianMixtureTransformer>().Single();
            Assert.Equal(MixtureModelJson.ToJson(original.Model), MixtureModelJson.ToJson(mixture.Model));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ModelSave_ExplainsWhyAndWhatToUse()
    {
        var (ml, data, model) = FitIris();
        using var stream = new MemoryStream();
        var ex = Assert.ThrowsAny<Exception>(() => ml.Model.Save(model, data.Schema, stream));
        var messages = string.Join(" | ", Chain(ex).Select(e => e.Message));
        Assert.Contains("SaveWithMixtures", messages);
    }

    [Fact]
    public void LoadWithMixtures_RefusesAPlainMlNetModel()
    {
        var ml = new MLContext(seed: 1);
        var data = Iris.Load(ml);
        var plain = ml.Transforms.Concatenate("Features", Iris.Columns).Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(plain, data.Schema, stream);
        stream.Position = 0;
        var ex = Assert.Throws<FormatException>(() => ml.Model.LoadWithMixtures(stream, out _));
        Assert.Contains("mlContext.Model.Load", ex.Message);
    }

    [Fact]
    public void MixtureAlone_RoundTripsWithItsInputSchema()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Transforms.Concatenate("Features", Iris.Columns).Fit(Iris.Load(ml)).Transform(Iris.Load(ml));
        var mixture = ml.Clustering.Trainers.GaussianMixture(numberOfComponents: 2).Fit(data);
        using var stream = new MemoryStream();
        ml.Model.SaveWithMixtures(mixture, data.Schema, stream);
        stream.Position = 0;
        var loaded = ml.Model.LoadWithMixtures(stream, out var schema);
        Assert.Equal(data.Schema.Count, schema.Count);
        Assert.Equal(mixture.Transform(data).GetColumn<uint>("PredictedLabel"), loaded.Transform(data).GetColumn<uint>("PredictedLabel"));
    }

    static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }
}
