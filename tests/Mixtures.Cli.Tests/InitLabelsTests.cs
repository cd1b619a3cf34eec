using System.Globalization;
using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>fit --init-labels FILE: where the fit starts, for every family; a wrong file is exit 2 naming it (and the row).</summary>
public class InitLabelsTests
{
    /// <summary>faithful's rows labelled by eruption length, as a user would split them by eye.</summary>
    static string Labels(TempDir dir, string name = "labels.csv", Func<int, string, string>? edit = null)
    {
        var rows = File.ReadAllLines(Fixtures.Faithful).Skip(1).Where(l => l.Length > 0).ToArray();
        var lines = rows.Select((r, i) => double.Parse(r.Split(',')[0], CultureInfo.InvariantCulture) < 3 ? "0" : "1")
            .Select((l, i) => edit?.Invoke(i, l) ?? l);
        return dir.Write(name, "label\n" + string.Join("\n", lines) + "\n");
    }

    static void BadInput(CliResult r, params string[] fragments)
    {
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        foreach (var f in fragments) Assert.Contains(f, r.Stderr);
    }

    [Theory]
    [InlineData("gaussian")]
    [InlineData("poisson-rounded")]
    public void Labels_StartTheFit_AndKDefaultsToTheirCount(string family)
    {
        using var dir = new TempDir();
        var data = Fixtures.Faithful;
        string[] familyArgs = [];
        if (family == "poisson-rounded")
        {
            // Poisson needs counts: faithful rounded, row for row, so that the labels still line up.
            var rows = File.ReadAllLines(Fixtures.Faithful).Where(l => l.Length > 0).ToArray();
            data = dir.Write("counts.csv", rows[0] + "\n" + string.Join("\n", rows.Skip(1).Select(r =>
                string.Join(",", r.Split(',').Select(v => Math.Round(double.Parse(v, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture))))) + "\n");
            familyArgs = ["--family", "poisson"];
        }
        var r = Tool.Run(dir.Path, ["fit", data, "--init-labels", Labels(dir), "--json", .. familyArgs]);
        Assert.True(r.ExitCode == 0, r.ToString());
        var report = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(2, report.GetProperty("n_components").GetInt32());
        Assert.True(report.GetProperty("converged").GetBoolean());
    }

    [Fact]
    public void Labels_StartAVariationalFit()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "3", "--bayesian", "dirichlet-process", "--init-labels", Labels(dir), "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(3, JsonDocument.Parse(r.Stdout).RootElement.GetProperty("n_components").GetInt32());
    }

    [Fact]
    public void WrongFiles_AreExit2NamingTheFileAndRow()
    {
        using var dir = new TempDir();
        var fit = new[] { "fit", Fixtures.Faithful, "-k", "2", "-o", dir.File("out.json") };
        var shortFile = dir.Write("short.csv", "label\n0\n1\n");
        BadInput(Tool.Run(dir.Path, [.. fit, "--init-labels", shortFile]), "short.csv", "2 labels", "272 rows");
        BadInput(Tool.Run(dir.Path, [.. fit, "--init-labels", Labels(dir, "range.csv", (i, l) => i == 9 ? "2" : l)]), "range.csv", "row 10", "label 2", "0..1");
        BadInput(Tool.Run(dir.Path, [.. fit, "--init-labels", Labels(dir, "neg.csv", (i, l) => i == 4 ? "-1" : l)]), "neg.csv", "row 5", "negative");
        BadInput(Tool.Run(dir.Path, [.. fit, "--init-labels", Labels(dir, "text.csv", (i, l) => i == 0 ? "a" : l)]), "text.csv", "row 1", "'a'");
        BadInput(Tool.Run(dir.Path, [.. fit, "--init-labels", dir.File("none.csv")]), "none.csv", "not found");
        BadInput(Tool.Run(dir.Path, [.. fit, "--init-labels", Labels(dir), "--init", Fixtures.Case("faithful_full_k2_it100")]), "--init", "--init-labels");
        Assert.False(File.Exists(dir.File("out.json")));
    }
}
