using Mixtures.Serialization;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Input;

/// <summary>
/// Jagged (double[][]) and row-major (ReadOnlyMemory&lt;double&gt; + feature count) data give the same
/// models and scores as double[,], and their errors read as the rectangular path's.
/// </summary>
public class InputShapesTests
{
    static GaussianMixture Estimator() => new(new GaussianMixtureOptions { Components = 2, Seed = 3 });

    static double[][] Jagged(double[,] x) =>
        Enumerable.Range(0, x.GetLength(0)).Select(i => Enumerable.Range(0, x.GetLength(1)).Select(j => x[i, j]).ToArray()).ToArray();

    static double[] RowMajor(double[,] x) => x.Cast<double>().ToArray();

    [Fact]
    public void AllThreeShapes_FitAndScoreIdentically()
    {
        var x = Fixtures.Data("data/faithful.csv");
        int d = x.GetLength(1);
        var a = Estimator().Fit(x);
        var b = Estimator().Fit(Jagged(x));
        var c = Estimator().Fit(RowMajor(x).AsMemory(), d);
        Assert.Equal(a.LowerBound, b.LowerBound);
        Assert.Equal(a.LowerBound, c.LowerBound);
        Assert.Equal(a.Means.Cast<double>(), c.Means.Cast<double>());

        Assert.Equal(a.Predict(x), a.Predict(Jagged(x)));
        Assert.Equal(a.Predict(x), a.Predict(RowMajor(x), d));
        Assert.Equal(a.PredictProba(x).Cast<double>(), a.PredictProba(Jagged(x)).Cast<double>());
        Assert.Equal(a.PredictProba(x).Cast<double>(), a.PredictProba(RowMajor(x), d).Cast<double>());
        Assert.Equal(a.ScoreSamples(x), a.ScoreSamples(Jagged(x)));
        Assert.Equal(a.ScoreSamples(x), a.ScoreSamples(RowMajor(x), d));
        Assert.Equal(a.Score(x), a.Score(Jagged(x)));
        Assert.Equal(a.Score(x), a.Score(RowMajor(x), d));
        Assert.Equal(a.Bic(x), a.Bic(Jagged(x)));
        Assert.Equal(a.Bic(x), a.Bic(RowMajor(x), d));
        Assert.Equal(a.Aic(x), a.Aic(Jagged(x)));
        Assert.Equal(a.Aic(x), a.Aic(RowMajor(x), d));
    }

    [Fact]
    public void Jagged_RaggedOrNullRow_IsNamed()
    {
        var ragged = new[] { new[] { 1.0, 2 }, new[] { 3.0, 4 }, new[] { 5.0 } };
        var ex = Assert.Throws<ArgumentException>(() => Estimator().Fit(ragged));
        Assert.Contains("Row 2 has 1 values but row 0 has 2", ex.Message);
        Assert.Equal("x", ex.ParamName);

        var withNull = new[] { new[] { 1.0, 2 }, null!, new[] { 5.0, 6 } };
        Assert.Contains("Row 1 is null", Assert.Throws<ArgumentException>(() => Estimator().Fit(withNull)).Message);
        Assert.Throws<ArgumentNullException>(() => Estimator().Fit((double[][])null!));
    }

    [Fact]
    public void RowMajor_LengthNotWholeRows_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => Estimator().Fit(new double[7].AsMemory(), 2));
        Assert.Contains("7 values, which is not a whole number of rows of 2 features", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Estimator().Fit(new double[8].AsMemory(), 0));
    }

    [Fact]
    public void EveryShape_SharesTheRectangularMessages()
    {
        var x = Fixtures.Data("data/faithful.csv");
        var model = Estimator().Fit(x);
        string Message(Action a) => Assert.ThrowsAny<ArgumentException>(a).Message;

        // No rows.
        string none = Message(() => Estimator().Fit(new double[0, 2]));
        Assert.Equal(none, Message(() => Estimator().Fit(Array.Empty<double[]>())));
        Assert.Equal(none, Message(() => Estimator().Fit(ReadOnlyMemory<double>.Empty, 2)));

        // A NaN at row 5, column 1.
        var bad = (double[,])x.Clone();
        bad[5, 1] = double.NaN;
        string nan = Message(() => Estimator().Fit(bad));
        Assert.Contains("Row 5, column 1", nan);
        Assert.Equal(nan, Message(() => Estimator().Fit(Jagged(bad))));
        Assert.Equal(nan, Message(() => Estimator().Fit(RowMajor(bad), 2)));

        // Three features for a model of two.
        var wide = new double[4, 3];
        string width = Message(() => model.Predict(wide));
        Assert.Contains("3 columns but the model was fitted on 2 features", width);
        Assert.Equal(width, Message(() => model.Predict(Jagged(wide))));
        Assert.Equal(width, Message(() => model.Score(new double[12], 3)));
    }

    [Fact]
    public void LoadOfT_ReturnsTheFamilyOrNamesTheOneFound()
    {
        var x = Fixtures.Data("data/faithful.csv");
        string path = Path.Combine(Path.GetTempPath(), $"mixtures-load-{Guid.NewGuid():N}.json");
        try
        {
            var model = Estimator().Fit(x);
            MixtureModelJson.Save(model, path);
            GaussianMixtureModel back = MixtureModelJson.Load<GaussianMixtureModel>(path);
            Assert.Equal(model.Means.Cast<double>(), back.Means.Cast<double>());
            var ex = Assert.Throws<MixtureFormatException>(() => MixtureModelJson.Load<PoissonMixtureModel>(path));
            Assert.Contains("holds a gaussian mixture", ex.Message);
            Assert.Contains("not a PoissonMixtureModel", ex.Message);
        }
        finally { File.Delete(path); }
    }
}
