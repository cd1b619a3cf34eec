using Microsoft.ML;
using Xunit;

namespace Mixtures.ML.Tests;

/// <summary>The README's PredictionEngine example, run.</summary>
public class PredictionEngineTests
{
    [Fact]
    public void PredictionEngine_ScoresOneRowAsTheModelDoes()
    {
        var ml = new MLContext(seed: 0);
        IDataView data = ml.Data.LoadFromTextFile<IrisRow>(Iris.Path, separatorChar: ',', hasHeader: true);
        var pipeline = ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth", "PetalLength", "PetalWidth")
            .Append(ml.Clustering.Trainers.GaussianMixture(numberOfComponents: 3));
        var model = pipeline.Fit(data);

        var engine = ml.Model.CreatePredictionEngine<IrisRow, MixturePrediction>(model);
        var flower = new IrisRow { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f };
        MixturePrediction p = engine.Predict(flower);

        var gmm = model.LastTransformer.Model;
        double[,] x = { { 5.1f, 3.5f, 1.4f, 0.2f } };
        Assert.Equal(gmm.Predict(x)[0] + 1, (int)p.PredictedLabel);
        Assert.Equal(3, p.Score.Length);
        for (int c = 0; c < 3; c++) Assert.Equal((float)gmm.PredictProba(x)[0, c], p.Score[c]);
        Assert.Equal((float)gmm.ScoreSamples(x)[0], p.LogLikelihood);
    }
}
