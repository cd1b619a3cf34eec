using System.Text.Json;

namespace Mixtures.Cli.Io;

/// <summary>
/// Reads <c>--covariance-prior FILE.json</c>: scikit-learn's <c>covariance_prior</c> for the covariance type —
/// a D x D matrix (full, tied), a vector of D numbers (diag) or a single number (spherical) — as the
/// library's <see cref="BayesianGaussianMixtureOptions.CovariancePrior"/> (diag 1 x D, spherical 1 x 1).
/// </summary>
internal static class CovariancePriorReader
{
    /// <summary>The file's JSON value, read before the data so that a bad file fails first.</summary>
    public static JsonElement Read(string path)
    {
        DataLoader.RequireReadable(path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw CliException.InFile(path, null, null, $"not valid JSON ({e.Message.Split('.')[0]}).");
        }
    }

    /// <summary>The value shaped for <paramref name="type"/> and <paramref name="features"/> features, or an error naming the file and the shape expected.</summary>
    public static double[,] Shape(JsonElement value, string path, CovarianceType type, int features)
    {
        string name = CovarianceTypes.Name(type);
        var (rows, columns, what) = type switch
        {
            CovarianceType.Full or CovarianceType.Tied => (features, features, $"a {features} x {features} matrix"),
            CovarianceType.Diag => (1, features, $"a vector of {features} numbers"),
            _ => (1, 1, "a single number"),
        };
        var m = Parse(value);
        // A diag prior may also be written as a 1 x D matrix, and a spherical one as [x]: the library's own shapes.
        if (m is not null && type == CovarianceType.Spherical && m.Length == 1) m = new double[1, 1] { { m[0, 0] } };
        if (m is null || m.GetLength(0) != rows || m.GetLength(1) != columns)
            throw CliException.InFile(path, null, null, $"the covariance prior for covariance type {name} must be {what}.");
        return m;
    }

    /// <summary>A number (1 x 1), a vector (1 x n) or a matrix of finite numbers; null for anything else.</summary>
    private static double[,]? Parse(JsonElement e)
    {
        if (Finite(e) is { } x) return new double[1, 1] { { x } };
        if (e.ValueKind != JsonValueKind.Array) return null;
        var items = e.EnumerateArray().ToArray();
        if (items.All(i => Finite(i) is not null))
        {
            var v = new double[1, items.Length];
            for (int j = 0; j < items.Length; j++) v[0, j] = Finite(items[j])!.Value;
            return v;
        }
        if (items.Length == 0 || items.Any(r => r.ValueKind != JsonValueKind.Array)) return null;
        var rows = items.Select(r => r.EnumerateArray().Select(Finite).ToArray()).ToArray();
        int n = rows[0].Length;
        if (rows.Any(r => r.Length != n || r.Any(c => c is null))) return null;
        var m = new double[rows.Length, n];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < n; j++)
                m[i, j] = rows[i][j]!.Value;
        return m;
    }

    private static double? Finite(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var v) && double.IsFinite(v) ? v : null;
}
