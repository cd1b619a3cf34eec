using System.Globalization;
using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// <c>fit --init</c> on scikit-learn reference cases writes a model JSON with scikit-learn's numbers
/// (within 1e-6 relative), and predict/score on that model agree with the case.
/// </summary>
public class ReferenceCaseTests
{
    public static TheoryData<string> Cases => new()
    {
        "faithful_full_k2_it100", "faithful_full_k3_it25", "faithful_tied_k2_it100", "faithful_tied_k3_it25",
        "faithful_diag_k2_it100", "faithful_diag_k3_it25", "faithful_spherical_k2_it100", "faithful_spherical_k3_it25",
        "iris_full_k3_it100", "iris_tied_k3_it100", "iris_diag_k3_it100", "iris_spherical_k3_it100",
        "line1d_full_k3_it200", "line1d_spherical_k3_it200", "blobs5_full_k4_it100", "blobs5_tied_k4_it100",
    };

    /// <summary>Cases whose model is also run through predict and score (one per covariance type, plus 1-D).</summary>
    private static readonly HashSet<string> AlsoApply =
        ["faithful_full_k3_it25", "iris_tied_k3_it100", "faithful_diag_k2_it100", "line1d_spherical_k3_it200"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void FitWithInit_ReproducesReferenceNumbers(string name)
    {
        using var dir = new TempDir();
        using var doc = JsonDocument.Parse(File.ReadAllText(Fixtures.Case(name)));
        var c = doc.RootElement;
        var p = c.GetProperty("params");
        var data = Fixtures.Data(Path.GetFileName(c.GetProperty("data").GetString()!));
        var model = dir.File("model.json");

        var r = Tool.Run(dir.Path, "fit", data,
            "-k", p.GetProperty("n_components").GetInt32().ToString(CultureInfo.InvariantCulture),
            "--covariance-type", p.GetProperty("covariance_type").GetString()!,
            "--tol", Num(p.GetProperty("tol")), "--reg-covar", Num(p.GetProperty("reg_covar")),
            "--max-iter", p.GetProperty("max_iter").GetInt32().ToString(CultureInfo.InvariantCulture),
            "--init", Fixtures.Case(name), "-o", model, "--quiet");
        Assert.True(r.ExitCode == 0, r.ToString());

        using var m = JsonDocument.Parse(File.ReadAllText(model));
        var e = c.GetProperty("expected");
        var got = m.RootElement;
        foreach (var field in new[] { "weights", "means", "covariances", "precisions_cholesky", "lower_bound", "bic", "aic" })
            AssertClose(Flatten(e.GetProperty(field)), Flatten(got.GetProperty(field)), $"{name}: {field}");
        Assert.Equal(e.GetProperty("n_iter").GetInt32(), got.GetProperty("n_iter").GetInt32());
        Assert.Equal(e.GetProperty("converged").GetBoolean(), got.GetProperty("converged").GetBoolean());
        if (!AlsoApply.Contains(name)) return;

        var score = Tool.Run(dir.Path, "score", model, data, "--json");
        Assert.True(score.ExitCode == 0, score.ToString());
        using var s = JsonDocument.Parse(score.Stdout);
        AssertClose([e.GetProperty("score").GetDouble()], [s.RootElement.GetProperty("score").GetDouble()], $"{name}: score");

        var labels = dir.File("labels.csv");
        var predict = Tool.Run(dir.Path, "predict", model, data, "-o", labels, "--quiet");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        var expected = e.GetProperty("predict").EnumerateArray().Select(x => x.GetInt32()).ToArray();
        var actual = File.ReadAllLines(labels).Skip(1).Select(int.Parse).ToArray();
        Assert.Equal(expected.Length, actual.Length);
        int differ = expected.Zip(actual).Count(t => t.First != t.Second);
        Assert.True(differ <= 1, $"{name}: {differ} labels differ from scikit-learn's");
    }

    private static string Num(JsonElement e) => e.GetDouble().ToString("R", CultureInfo.InvariantCulture);

    internal static double[] Flatten(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Flatten).ToArray(),
        JsonValueKind.Number => [e.GetDouble()],
        _ => throw new InvalidDataException($"unexpected {e.ValueKind}"),
    };

    internal static void AssertClose(double[] expected, double[] actual, string what, double rel = 1e-6)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} numbers, expected {expected.Length}");
        double scale = expected.Select(Math.Abs).DefaultIfEmpty(0).Max();
        for (int i = 0; i < expected.Length; i++)
        {
            // Relative to the value; entries far below the array's scale (exact zeros of a Cholesky factor) by the scale.
            double tol = rel * Math.Max(Math.Abs(expected[i]), 1e-6 * scale);
            // a non-finite expected value would make the tolerance infinite (or NaN) and accept anything
            Assert.True(double.IsFinite(expected[i]) && double.IsFinite(scale) && Math.Abs(expected[i] - actual[i]) <= tol,
                $"{what}[{i}]: {actual[i]:R}, expected {expected[i]:R} (|diff| {Math.Abs(expected[i] - actual[i]):E2} > {tol:E2})");
        }
    }
}
