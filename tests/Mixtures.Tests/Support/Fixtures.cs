using System.Globalization;
using System.Text.Json;

namespace Mixtures.Tests.Support;

/// <summary>Reference cases and datasets copied from shared/reference into fixtures/.</summary>
public static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures");

    static readonly Dictionary<string, double[,]> Cache = new();

    public static double[,] Data(string relative)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(relative, out var m)) return m;
            var lines = File.ReadAllLines(Path.Combine(Root, relative)).Skip(1).Where(l => l.Length > 0).ToArray();
            var rows = lines.Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
            m = new double[rows.Length, rows[0].Length];
            for (int i = 0; i < rows.Length; i++)
                for (int j = 0; j < rows[0].Length; j++) m[i, j] = rows[i][j];
            Cache[relative] = m;
            return m;
        }
    }

    public static IEnumerable<string> CaseNames(Func<JsonElement, bool> filter) =>
        Directory.GetFiles(Path.Combine(Root, "cases"), "*.json").Order(StringComparer.Ordinal)
            .Where(f => filter(JsonDocument.Parse(File.ReadAllText(f)).RootElement))
            .Select(Path.GetFileNameWithoutExtension)!;

    public static JsonElement Case(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "cases", name + ".json"))).RootElement;

    public static bool IsGaussian(JsonElement c) =>
        (!c.TryGetProperty("family", out var f) || f.GetString() == "gaussian") && !IsVariational(c);

    /// <summary>A scikit-learn <c>BayesianGaussianMixture</c> case (bayes_*.json).</summary>
    public static bool IsVariational(JsonElement c) => c.TryGetProperty("variational", out var v) && v.GetBoolean();

    /// <summary>All numbers of a (nested) JSON array, flattened in row-major order.</summary>
    public static double[] Flat(JsonElement e)
    {
        var list = new List<double>();
        void Walk(JsonElement x)
        {
            if (x.ValueKind == JsonValueKind.Array) foreach (var y in x.EnumerateArray()) Walk(y);
            else list.Add(x.GetDouble());
        }
        Walk(e);
        return list.ToArray();
    }

    public static double[,] Matrix(JsonElement e)
    {
        int rows = e.GetArrayLength(), cols = e[0].ValueKind == JsonValueKind.Array ? e[0].GetArrayLength() : 1;
        var flat = Flat(e);
        var m = new double[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) m[i, j] = flat[i * cols + j];
        return m;
    }

    public static CovarianceType ParseCovariance(string s) => s switch
    {
        "full" => CovarianceType.Full,
        "tied" => CovarianceType.Tied,
        "diag" => CovarianceType.Diag,
        "spherical" => CovarianceType.Spherical,
        _ => throw new ArgumentException(s),
    };

    /// <summary>Options that reproduce a Gaussian reference case from its explicit init.</summary>
    public static GaussianMixtureOptions Options(JsonElement c)
    {
        var p = c.GetProperty("params");
        var init = c.GetProperty("init");
        var type = ParseCovariance(p.GetProperty("covariance_type").GetString()!);
        int k = p.GetProperty("n_components").GetInt32();
        var prec = init.GetProperty("precisions");
        double[][,] precisions = type switch
        {
            CovarianceType.Full => prec.EnumerateArray().Select(Matrix).ToArray(),
            CovarianceType.Spherical => [Matrix(prec)],
            _ => [Matrix(prec)],
        };
        return new GaussianMixtureOptions
        {
            Components = k,
            CovarianceType = type,
            Tolerance = p.GetProperty("tol").GetDouble(),
            RegCovar = p.GetProperty("reg_covar").GetDouble(),
            MaxIterations = p.GetProperty("max_iter").GetInt32(),
            NInit = p.GetProperty("n_init").GetInt32(),
            InitialWeights = Flat(init.GetProperty("weights")),
            InitialMeans = Matrix(init.GetProperty("means")),
            InitialPrecisions = precisions,
            Seed = 0,
        };
    }
}
