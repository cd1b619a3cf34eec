using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace Mixtures.ML.Tests;

public class GaussianMixtureTrainerTests
{
    static GaussianMixtureTrainer.Options IrisOptions(CovarianceType type = CovarianceType.Full) => new()
    {
        NumberOfComponents = 3,
        CovarianceType = type,
        Seed = 7,
        NumberOfInitializations = 2,
    };

    static (MLContext Ml, IDataView Data, TransformerChain<GaussianMixtureTransformer> Model) FitIris(GaussianMixtureTrainer.Options options)
    {
        var ml = new MLContext(seed: 1);
        var data = Iris.Load(ml);
        var pipeline = ml.Transforms.Concatenate("Features", Iris.Columns)
            .Append(ml.Clustering.Trainers.GaussianMixture(options));
        return (ml, data, pipeline.Fit(data));
    }

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Diag)]
    public void Pipeline_OnIris_GivesTheLibrarysLabels(CovarianceType type)
    {
        var (ml, data, model) = FitIris(IrisOptions(type));
        var transformed = model.Transform(data);

        var x = Iris.Matrix(ml, data);
        var library = new GaussianMixture(new GaussianMixtureOptions { Components = 3, CovarianceType = type, Seed = 7, NInit = 2 }).Fit(x);

        Assert.Equal(library.Predict(x), Iris.Labels(transformed));
        var fitted = model.LastTransformer.Model;
        Assert.Equal(library.LowerBound, fitted.LowerBound);
        Assert.Equal(library.Means.Cast<double>(), fitted.Means.Cast<double>());
        Assert.Equal(type, fitted.CovarianceType);
    }

    [Fact]
    public void Output_HasTheClusteringColumns()
    {
        var (ml, data, model) = FitIris(IrisOptions());
        var transformed = model.Transform(data);
        var schema = transformed.Schema;

        var label = Assert.IsType<KeyDataViewType>(schema["PredictedLabel"].Type);
        Assert.Equal(3ul, label.Count);
        var score = Assert.IsType<VectorDataViewType>(schema["Score"].Type);
        Assert.Equal(NumberDataViewType.Single, score.ItemType);
        Assert.Equal(3, score.Size);
        Assert.Equal(NumberDataViewType.Single, schema["LogLikelihood"].Type);

        var x = Iris.Matrix(ml, data);
        var proba = model.LastTransformer.Model.PredictProba(x);
        var ll = model.LastTransformer.Model.ScoreSamples(x);
        var scores = transformed.GetColumn<float[]>("Score").ToArray();
        var logLikelihoods = transformed.GetColumn<float>("LogLikelihood").ToArray();
        for (int i = 0; i < scores.Length; i++)
        {
            Assert.Equal(1.0, scores[i].Sum(), 5);
            for (int c = 0; c < 3; c++) Assert.Equal((float)proba[i, c], scores[i][c]);
            Assert.Equal((float)ll[i], logLikelihoods[i]);
        }
    }

    [Fact]
    public void Evaluate_RunsOnTheOutput()
    {
        var (ml, data, model) = FitIris(IrisOptions());
        var transformed = model.Transform(data);

        var onScore = ml.Clustering.Evaluate(transformed, scoreColumnName: "Score", featureColumnName: "Features");
        Assert.True(double.IsFinite(onScore.AverageDistance));

        // The evaluator assigns rows to the smallest score (distances); on NegativeLogPosterior that is
        // the predicted component, so against PredictedLabel as the label NMI is exactly 1.
        var consistent = ml.Clustering.Evaluate(transformed, labelColumnName: "PredictedLabel",
            scoreColumnName: GaussianMixtureTransformer.NegativeLogPosteriorColumnName, featureColumnName: "Features");
        Assert.Equal(1.0, consistent.NormalizedMutualInformation, 9);
        Assert.True(consistent.DaviesBouldinIndex > 0);
    }

    [Fact]
    public void DoubleFeatures_FitTheSameAsTheLibrary()
    {
        var ml = new MLContext(seed: 1);
        var loader = ml.Data.CreateTextLoader(
            [new TextLoader.Column("Features", DataKind.Double, 0, 1)], separatorChar: ',', hasHeader: true);
        var data = loader.Load(Path.Combine(AppContext.BaseDirectory, "data", "faithful.csv"));
        var model = ml.Clustering.Trainers.GaussianMixture(new GaussianMixtureTrainer.Options { NumberOfComponents = 2, Seed = 0 }).Fit(data);

        var x = data.GetColumn<double[]>("Features").ToArray();
        var library = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 0 }).Fit(x);
        Assert.Equal(library.Predict(x), Iris.Labels(model.Transform(data)));
    }

    [Fact]
    public void ExampleWeights_AreTheLibrarysSampleWeights()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 60).Select(i => new WeightedRow
        {
            Features = [(float)Math.Sin(i), (float)(i % 7 < 3 ? 4 + Math.Cos(i) : Math.Cos(3 * i))],
            Weight = 1 + i % 4,
        }).ToArray();
        var data = ml.Data.LoadFromEnumerable(rows);
        var options = new GaussianMixtureTrainer.Options { ExampleWeightColumnName = "Weight", NumberOfComponents = 2, Seed = 3 };
        var weighted = ml.Clustering.Trainers.GaussianMixture(options).Fit(data).Model;

        var x = rows.Select(r => r.Features.Select(v => (double)v).ToArray()).ToArray();
        var w = rows.Select(r => (double)r.Weight).ToArray();
        var library = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 3 }).Fit(x, w);
        Assert.Equal(library.Means.Cast<double>(), weighted.Means.Cast<double>());
        Assert.Equal(library.LowerBound, weighted.LowerBound);
    }

    public sealed class WeightedRow
    {
        [VectorType(2)] public float[] Features { get; set; } = [];
        public float Weight { get; set; }
    }

    [Fact]
    public void RowWithNaN_GetsTheMissingKeyAndNaNScores()
    {
        var (ml, data, model) = FitIris(IrisOptions());
        var rows = new[]
        {
            new IrisRow { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f },
            new IrisRow { SepalLength = float.NaN, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f },
        };
        var output = model.Transform(ml.Data.LoadFromEnumerable(rows));
        var labels = output.GetColumn<uint>("PredictedLabel").ToArray();
        var scores = output.GetColumn<float[]>("Score").ToArray();
        var ll = output.GetColumn<float>("LogLikelihood").ToArray();
        Assert.InRange(labels[0], 1u, 3u);
        Assert.Equal(0u, labels[1]);
        Assert.All(scores[1], s => Assert.True(float.IsNaN(s)));
        Assert.True(float.IsNaN(ll[1]));
    }

    [Fact]
    public void RowsOfAViewOfUnknownLength_AreReadWhole()
    {
        // A filtered view does not know its row count, so the reader cannot size its buffer from it.
        var ml = new MLContext(seed: 1);
        var rng = new Random(5);
        var rows = Enumerable.Range(0, 50).Select(i => new WideRow
        {
            Features = Enumerable.Range(0, 40).Select(j => (float)((i % 2) * 5 + rng.NextDouble())).ToArray(),
            Keep = i < 45,
        }).ToArray();
        var data = ml.Data.FilterByCustomPredicate<WideRow>(ml.Data.LoadFromEnumerable(rows), r => !r.Keep);
        Assert.Null(data.GetRowCount());
        var model = ml.Clustering.Trainers.GaussianMixture(new GaussianMixtureTrainer.Options
            { NumberOfComponents = 2, CovarianceType = CovarianceType.Diag, Seed = 0 }).Fit(data).Model;

        var x = rows.Take(45).Select(r => r.Features.Select(v => (double)v).ToArray()).ToArray();
        var library = new GaussianMixture(new GaussianMixtureOptions { Components = 2, CovarianceType = CovarianceType.Diag, Seed = 0 }).Fit(x);
        Assert.Equal(45, model.TrainingSamples);
        Assert.Equal(library.Means.Cast<double>(), model.Means.Cast<double>());
    }

    public sealed class WideRow
    {
        [VectorType(40)] public float[] Features { get; set; } = [];
        public bool Keep { get; set; }
    }

    [Fact]
    public void BadColumns_AreNamed()
    {
        var ml = new MLContext(seed: 1);
        var data = Iris.Load(ml);
        var trainer = ml.Clustering.Trainers.GaussianMixture(numberOfComponents: 2);
        var missing = Assert.Throws<ArgumentOutOfRangeException>(() => trainer.Fit(data));
        Assert.Contains("no feature column 'Features'", missing.Message);

        var scalar = ml.Clustering.Trainers.GaussianMixture(featureColumnName: "SepalLength", numberOfComponents: 2);
        Assert.Contains("known-size vector", Assert.Throws<ArgumentOutOfRangeException>(() => scalar.Fit(data)).Message);

        var (_, _, model) = FitIris(IrisOptions());
        var narrow = ml.Transforms.Concatenate("Features", "SepalLength", "SepalWidth").Fit(data).Transform(data);
        Assert.Contains("has 2 slots but the model was fitted on 4 features",
            Assert.Throws<ArgumentOutOfRangeException>(() => model.LastTransformer.Transform(narrow)).Message);
    }

    [Fact]
    public void GetOutputSchema_AddsTheColumns()
    {
        var ml = new MLContext(seed: 1);
        var data = Iris.Load(ml);
        var pipeline = ml.Transforms.Concatenate("Features", Iris.Columns).Append(ml.Clustering.Trainers.GaussianMixture(numberOfComponents: 3));
        // SchemaShape.Create is internal to ML.NET; a CustomMapping with no inputs gives the iris shape publicly.
        var iris = ml.Transforms.CustomMapping<NoColumns, IrisRow>((_, _) => { }, null).GetOutputSchema(new SchemaShape([]));
        var shape = pipeline.GetOutputSchema(iris);
        Assert.Contains(shape, c => c.Name == "PredictedLabel" && c.IsKey);
        Assert.Contains(shape, c => c.Name == "Score" && c.Kind == SchemaShape.Column.VectorKind.Vector);
        Assert.Contains(shape, c => c.Name == "LogLikelihood" && c.Kind == SchemaShape.Column.VectorKind.Scalar);
    }

    public sealed class NoColumns;
}
