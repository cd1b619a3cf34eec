using Mixtures.Cli.Io;

namespace Mixtures.Cli.Commands;

/// <summary>The embedded UCI optical digits (1797 images of 8 x 8 pixels, values 0..16) and their labels.</summary>
internal sealed record DemoDigitsData(double[,] Pixels, int[] Labels)
{
    private const string PixelsResource = "Mixtures.Cli.Data.digits.csv";
    private const string LabelsResource = "Mixtures.Cli.Data.digits_labels.csv";

    /// <summary>Side of the square images.</summary>
    public const int Side = 8;

    public int Rows => Labels.Length;

    public static DemoDigitsData Load()
    {
        var pixels = Read(PixelsResource, "digits.csv");
        var labelTable = Read(LabelsResource, "digits_labels.csv");
        if (pixels.Columns != Side * Side || labelTable.Columns != 1 || labelTable.Rows != pixels.Rows)
            throw new CliException("the embedded digits data is inconsistent in this build.", ExitCodes.FitFailed);
        var labels = new int[labelTable.Rows];
        for (int i = 0; i < labels.Length; i++) labels[i] = (int)labelTable.X[i, 0];
        return new DemoDigitsData(pixels.X, labels);
    }

    private static DataSet Read(string resource, string name)
    {
        using var stream = typeof(DemoDigitsData).Assembly.GetManifestResourceStream(resource)
            ?? throw new CliException($"the embedded {name} is missing from this build.", ExitCodes.FitFailed);
        using var text = new StreamReader(stream);
        return CsvTableReader.Read(text, name, ColumnSelection.All);
    }

    /// <summary>Pixels &gt;= <paramref name="threshold"/> become 1, the others 0.</summary>
    public double[,] Binarized(double threshold)
    {
        var b = new double[Pixels.GetLength(0), Pixels.GetLength(1)];
        for (int i = 0; i < b.GetLength(0); i++)
            for (int j = 0; j < b.GetLength(1); j++)
                b[i, j] = Pixels[i, j] >= threshold ? 1 : 0;
        return b;
    }

    /// <summary>
    /// A seeded split: the row indices shuffled by Fisher-Yates with <c>new Random(seed)</c>, the first
    /// round(fraction N) for training, the rest for testing.
    /// </summary>
    public (int[] Train, int[] Test) Split(double trainFraction, int seed)
    {
        var idx = Enumerable.Range(0, Rows).ToArray();
        var rng = new Random(seed);
        for (int i = idx.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (idx[i], idx[j]) = (idx[j], idx[i]);
        }
        int n = (int)Math.Round(trainFraction * Rows);
        return (idx[..n], idx[n..]);
    }

    /// <summary>The given rows of <paramref name="x"/>.</summary>
    public static double[,] Take(double[,] x, int[] rows)
    {
        int d = x.GetLength(1);
        var o = new double[rows.Length, d];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < d; j++) o[i, j] = x[rows[i], j];
        return o;
    }
}
