using System.Globalization;
using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>Awkward but legal data, and the library's data errors reported in the file's terms.</summary>
public class DataEdgeCaseTests
{
    private static string Rows(int n, Func<int, string> row) =>
        string.Concat(Enumerable.Range(0, n).Select(i => row(i) + "\n"));

    private static string G(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    [Fact]
    public void UnitWeightsColumn_GivesTheUnweightedFit()
    {
        using var dir = new TempDir();
        var data = dir.Write("w.csv", "a,b,w\n" + Rows(80, i => $"{G(Math.Sin(i) + (i % 2) * 4)},{G(Math.Cos(7 * i))},1"));
        var weighted = Tool.Run(dir.Path, "fit", data, "-k", "2", "--weights-column", "w", "--seed", "3", "--json");
        var plain = Tool.Run(dir.Path, "fit", data, "-k", "2", "--columns", "a,b", "--seed", "3", "--json");
        Assert.True(weighted.ExitCode == 0, weighted.ToString());
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Equal("", weighted.Stderr);
        Assert.Equal("", plain.Stderr);
        using var x = JsonDocument.Parse(weighted.Stdout);
        using var y = JsonDocument.Parse(plain.Stdout);
        ReferenceCaseTests.AssertClose(ReferenceCaseTests.Flatten(y.RootElement.GetProperty("means")),
            ReferenceCaseTests.Flatten(x.RootElement.GetProperty("means")), "means", 1e-9);
        Assert.Equal(["a", "b"], x.RootElement.GetProperty("feature_names").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void NegativeWeight_NamesRowAndColumn()
    {
        using var dir = new TempDir();
        var data = dir.Write("w.csv", "a,w\n1,1\n2,-3\n");
        var r = Tool.Run(dir.Path, "fit", data, "--weights-column", "w");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Equal("", r.Stdout);
        Assert.Equal("mixtures fit: w.csv, row 2, column 'w': sample weight -3 is negative.", r.Stderr.Trim());
    }

    [Fact]
    public void ConstantColumn_FitsWithoutNaN()
    {
        using var dir = new TempDir();
        var data = dir.Write("c.csv", "a,b\n" + Rows(60, i => $"{G(Math.Sin(i) + (i % 2) * 5)},5"));
        var r = Tool.Run(dir.Path, "fit", data, "-k", "2", "--seed", "0", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stderr);
        Assert.DoesNotContain("NaN", r.Stdout);
    }

    [Fact]
    public void IdenticalRows_MoreComponentsThanDistinctPoints_IsBadInput()
    {
        using var dir = new TempDir();
        var data = dir.Write("same.csv", "a,b\n" + Rows(20, _ => "1,2"));
        var r = Tool.Run(dir.Path, "fit", data, "-k", "2");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Equal("", r.Stdout);
        Assert.Equal("mixtures fit: same.csv: The data has only 1 distinct points (with positive weight) but 2 components were asked for; "
            + "use at most 1 components.", r.Stderr.Trim());
    }

    [Fact]
    public void HugeValues_ErrorNamesTheColumnByName()
    {
        using var dir = new TempDir();
        var data = dir.Write("huge.csv", "small,big\n" + Rows(30, i => $"{i},{G((i % 7 + 1) * 1e306)}"));
        var r = Tool.Run(dir.Path, "fit", data, "-k", "1");
        // The library does not rescale such data: it refuses it, naming the column and the way out
        // (if that ever changes, this test must change with it).
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Equal("", r.Stdout);
        Assert.Equal("mixtures fit: huge.csv: Column 'big': values up to 7E+306 are too large; their variance overflows double precision. "
            + "Scale the data (for example divide it by 1E+304).", r.Stderr.Trim());
    }

    [Fact]
    public void SingleFeatureSingleComponent_Works()
    {
        using var dir = new TempDir();
        var data = dir.Write("one.csv", "v\n" + Rows(30, i => G(i * 0.5)));
        var r = Tool.Run(dir.Path, "fit", data, "-k", "1", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("", r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal(7.25, doc.RootElement.GetProperty("means")[0][0].GetDouble(), 9);
    }
}
