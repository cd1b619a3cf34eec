using System.Text.Json;

namespace Mixtures.Cli.Io;

/// <summary>
/// Reads <c>--init FILE.json</c>: <c>{"weights": [K], "means": [K][D], "precisions": ...}</c> with precisions
/// shaped as scikit-learn's <c>precisions_init</c> for the covariance type (the library's
/// <see cref="CovarianceTypes.InitialPrecisionsShape"/>: K matrices, one matrix, or a plain array when each
/// component has a single value). A reference case file (whose parameters sit under "init") is accepted too.
/// A family without covariance types takes the weights and means only.
/// </summary>
internal static class InitFileReader
{
    /// <param name="path">The --init file.</param>
    /// <param name="type">The covariance type the precisions are for; null: no precisions are read.</param>
    /// <param name="components">-k, when given: the file must have as many components.</param>
    /// <param name="features">The data's features: the means must have as many columns.</param>
    public static InitialParameters Read(string path, CovarianceType? type, int? components, int features)
    {
        DataLoader.RequireReadable(path);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw CliException.InFile(path, null, null, $"not valid JSON ({e.Message.Split('.')[0]}).");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("init", out var init)) root = init;
            if (root.ValueKind != JsonValueKind.Object)
                throw CliException.InFile(path, null, null, "expected an object with \"weights\", \"means\" and \"precisions\".");

            var weights = Vector(Get(root, "weights", path), path, "weights");
            int k = weights.Length;
            if (k == 0) throw CliException.InFile(path, null, null, "\"weights\" is empty.");
            if (components is { } kk && kk != k)
                throw CliException.InFile(path, null, null, $"\"weights\" has {k} entries but -k is {kk}.");
            var means = Matrix(Get(root, "means", path), path, "means");
            if (means.GetLength(0) != k)
                throw CliException.InFile(path, null, null, $"\"means\" has {means.GetLength(0)} rows but \"weights\" has {k} entries.");
            int d = means.GetLength(1);
            if (d != features)
                throw CliException.InFile(path, null, null, $"\"means\" have {d} columns but the data has {features} features.");
            if (type is not { } t) return new InitialParameters(weights, means, null);
            return new InitialParameters(weights, means, new InitialPrecisions(t, Precisions(Get(root, "precisions", path), t, k, d, path)));
        }
    }

    /// <summary>The precisions in the layout of <paramref name="type"/>, checked against its shape for K and D.</summary>
    private static double[][,] Precisions(JsonElement p, CovarianceType type, int k, int d, string path)
    {
        var layout = PrecisionLayout.Of(type);
        var (count, rows, columns) = CovarianceTypes.InitialPrecisionsShape(type, k, d);
        string name = CovarianceTypes.Name(type);
        if (layout.MatrixPerComponent) return Shaped(Stack(p, path, name, layout), count, rows, columns, path, name, layout.Symbols);
        if (layout.ValuePerFeature) return [Shaped(Matrix(p, path, "precisions"), rows, columns, path, name, layout.Symbols)];
        return [Column(Vector(p, path, "precisions"), rows, path, name, layout.Symbols)];
    }

    private static JsonElement Get(JsonElement obj, string name, string path) =>
        obj.TryGetProperty(name, out var e) ? e : throw CliException.InFile(path, null, null, $"missing \"{name}\".");

    private static double Number(JsonElement e, string path, string what) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v) && double.IsFinite(v)
            ? v
            : throw CliException.InFile(path, null, null, $"\"{what}\" holds {e.GetRawText()}, which is not a finite number.");

    private static double[] Vector(JsonElement e, string path, string what) =>
        e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(x => Number(x, path, what)).ToArray()
            : throw CliException.InFile(path, null, null, $"\"{what}\" must be an array of numbers.");

    private static double[,] Matrix(JsonElement e, string path, string what)
    {
        if (e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.Array))
            throw CliException.InFile(path, null, null, $"\"{what}\" must be an array of arrays of numbers.");
        var rows = e.EnumerateArray().Select(r => Vector(r, path, what)).ToArray();
        int cols = rows.Length == 0 ? 0 : rows[0].Length;
        if (rows.Any(r => r.Length != cols))
            throw CliException.InFile(path, null, null, $"\"{what}\" is ragged: its rows have different lengths.");
        var m = new double[rows.Length, cols];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < cols; j++)
                m[i, j] = rows[i][j];
        return m;
    }

    private static double[][,] Stack(JsonElement e, string path, string type, PrecisionLayout layout) =>
        e.ValueKind == JsonValueKind.Array && e.EnumerateArray().All(m => m.ValueKind == JsonValueKind.Array)
            ? e.EnumerateArray().Select(m => Matrix(m, path, "precisions")).ToArray()
            : throw CliException.InFile(path, null, null, $"\"precisions\" for covariance type {type} must be K matrices of {layout.MatrixSymbols} numbers.");

    private static double[][,] Shaped(double[][,] ms, int k, int r, int c, string path, string type, string shape)
    {
        if (ms.Length != k || ms.Any(m => m.GetLength(0) != r || m.GetLength(1) != c))
            throw CliException.InFile(path, null, null, $"\"precisions\" for covariance type {type} must be {shape} = {k} x {r} x {c}.");
        return ms;
    }

    private static double[,] Shaped(double[,] m, int r, int c, string path, string type, string shape) =>
        m.GetLength(0) == r && m.GetLength(1) == c
            ? m
            : throw CliException.InFile(path, null, null,
                $"\"precisions\" for covariance type {type} must be {shape} = {r} x {c}, not {m.GetLength(0)} x {m.GetLength(1)}.");

    private static double[,] Column(double[] v, int k, string path, string type, string shape)
    {
        if (v.Length != k)
            throw CliException.InFile(path, null, null, $"\"precisions\" for covariance type {type} must be {shape} = {k} numbers, not {v.Length}.");
        var m = new double[k, 1];
        for (int i = 0; i < k; i++) m[i, 0] = v[i];
        return m;
    }
}
