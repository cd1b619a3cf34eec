using Microsoft.ML;
using Microsoft.ML.Data;

namespace Mixtures.ML.Tests;

/// <summary>One iris row as ML.NET loads it (the fixture has the four measurements, no species).</summary>
public sealed class IrisRow
{
    [LoadColumn(0)] public float SepalLength { get; set; }
    [LoadColumn(1)] public float SepalWidth { get; set; }
    [LoadColumn(2)] public float PetalLength { get; set; }
    [LoadColumn(3)] public float PetalWidth { get; set; }
}

/// <summary>What a PredictionEngine returns for a mixture: the columns the transformer adds.</summary>
public sealed class MixturePrediction
{
    /// <summary>1..K (key type); 0 is the missing key.</summary>
    public uint PredictedLabel { get; set; }
    /// <summary>Posterior probabilities of the K components.</summary>
    public float[] Score { get; set; } = [];
    /// <summary>ln p(x).</summary>
    public float LogLikelihood { get; set; }
}

static class Iris
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "data", "iris.csv");

    public static readonly string[] Columns = [nameof(IrisRow.SepalLength), nameof(IrisRow.SepalWidth), nameof(IrisRow.PetalLength), nameof(IrisRow.PetalWidth)];

    public static IDataView Load(MLContext ml) => ml.Data.LoadFromTextFile<IrisRow>(Path, separatorChar: ',', hasHeader: true);

    /// <summary>The same data the pipeline sees, as the library takes it: ML.NET's floats widened to double.</summary>
    public static double[,] Matrix(MLContext ml, IDataView data)
    {
        var rows = ml.Data.CreateEnumerable<IrisRow>(data, reuseRowObject: false).ToArray();
        var x = new double[rows.Length, 4];
        for (int i = 0; i < rows.Length; i++)
        {
            x[i, 0] = rows[i].SepalLength;
            x[i, 1] = rows[i].SepalWidth;
            x[i, 2] = rows[i].PetalLength;
            x[i, 3] = rows[i].PetalWidth;
        }
        return x;
    }

    public static int[] Labels(IDataView transformed) =>
        transformed.GetColumn<uint>(GaussianMixtureTransformer.PredictedLabelColumnName).Select(k => (int)k - 1).ToArray();
}
