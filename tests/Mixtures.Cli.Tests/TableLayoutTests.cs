using System.Globalization;
using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// Tables never split a number: at COLUMNS=80 every weight appears whole on one line and no line is wider
/// than 80; redirected output without COLUMNS uses the wide layout; many features are shown transposed.
/// </summary>
public class TableLayoutTests
{
    static CliResult Fit(TempDir dir, string? columns, string data, params string[] extra)
    {
        var env = columns is null ? null : new Dictionary<string, string> { ["COLUMNS"] = columns };
        var r = Tool.Run(dir.Path, TimeSpan.FromSeconds(120), env, ["fit", data, "-o", dir.File("m.json"), .. extra]);
        Assert.True(r.ExitCode == 0, r.ToString());
        return r;
    }

    static string[] Weights(TempDir dir) => JsonDocument.Parse(File.ReadAllText(dir.File("m.json"))).RootElement.GetProperty("weights")
        .EnumerateArray().Select(w => w.GetDouble().ToString("G4", CultureInfo.InvariantCulture)).ToArray();

    [Theory]
    [InlineData("iris.csv", "3")]
    [InlineData("wide", "10")]
    public void AtEightyColumns_NoNumberIsSplit(string data, string k)
    {
        using var dir = new TempDir();
        var path = data == "wide" ? Wide(dir, 400, 30) : Fixtures.Data(data);
        var r = Fit(dir, "80", path, "-k", k, "--covariance-type", "diag");
        var lines = r.Stdout.Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, $"wider than 80: '{l}'"));
        foreach (var w in Weights(dir))
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"(^|[\s│]){System.Text.RegularExpressions.Regex.Escape(w)}($|[\s│;])"));
    }

    /// <summary>A CSV of n rows and d features with long names and values of many digits.</summary>
    static string Wide(TempDir dir, int n, int d)
    {
        var rng = new Random(3);
        var lines = new List<string> { string.Join(",", Enumerable.Range(0, d).Select(j => $"a_long_feature_name_{j}")) };
        for (int i = 0; i < n; i++)
            lines.Add(string.Join(",", Enumerable.Range(0, d).Select(j => ((i % 4) * 3.1 + rng.NextDouble() * 1e-3 * (j + 1)).ToString("R", CultureInfo.InvariantCulture))));
        var path = dir.File("wide.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Redirected_WithoutColumns_UsesTheWideLayout()
    {
        using var dir = new TempDir();
        var r = Fit(dir, null, Fixtures.Data("iris.csv"), "-k", "3");
        Assert.Contains(r.Stdout.Split('\n'), l => l.Contains("mean sepal_length") && l.Contains("mean petal_width"));
    }
}
