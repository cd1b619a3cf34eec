using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>Bad arguments and bad data: exit code 2, one useful line on stderr, no stack trace, no output file.</summary>
public class ErrorTests
{
    private static void AssertBadInput(CliResult r, TempDir dir, params string[] fragments) => AssertFails(r, dir, 2, fragments);

    private static void AssertFails(CliResult r, TempDir dir, int code, params string[] fragments)
    {
        Assert.True(r.ExitCode == code, r.ToString());
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr:\n{r.Stderr}");
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.DoesNotContain("Exception", r.Stderr);
        foreach (var f in fragments) Assert.Contains(f, r.Stderr);
        Assert.DoesNotContain(dir.Files(), f => Path.GetFileName(f).StartsWith("out", StringComparison.Ordinal) || f.Contains(".tmp", StringComparison.Ordinal));
    }

    private static CliResult FitCsv(TempDir dir, string csv, params string[] extra)
    {
        var data = dir.Write("data.csv", csv);
        string[] k = extra.Contains("-k") ? [] : ["-k", "1"];
        return Tool.Run(dir.Path, ["fit", data, .. k, "-o", dir.File("out.json"), .. extra]);
    }

    [Fact]
    public void MissingFile_NamesTheFile()
    {
        using var dir = new TempDir();
        AssertBadInput(Tool.Run(dir.Path, "fit", dir.File("nope.csv"), "-k", "2", "-o", dir.File("out.json")), dir, "nope.csv", "not found");
    }

    [Fact]
    public void RaggedRow_NamesFileAndRow()
    {
        using var dir = new TempDir();
        AssertBadInput(FitCsv(dir, "a,b\n1,2\n3\n5,6\n"), dir, "data.csv", "row 2", "ragged");
    }

    [Fact]
    public void NonNumericCell_NamesFileRowColumnAndValue()
    {
        using var dir = new TempDir();
        AssertBadInput(FitCsv(dir, "a,b\n1,2\n3,4\n5,abc\n"), dir, "data.csv", "row 3", "column 'b'", "'abc'", "not a number");
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a,b\n", "no data rows")]
    [InlineData("a,b\n1,\n", "empty cell")]
    [InlineData("a,b\n1,NaN\n", "not a finite number")]
    [InlineData("a,b\n1,Infinity\n", "not a finite number")]
    [InlineData("a,b\n1,inf\n", "'inf' is not a finite number")]
    [InlineData("a,b\n1,-Inf\n", "'-Inf' is not a finite number")]
    [InlineData("a,b\n1,\"2\"x\n", "malformed CSV")]
    [InlineData("a,b\n1,1e400\n", "not a finite number")]
    public void BadCsv_IsRejectedWithReason(string csv, string reason)
    {
        using var dir = new TempDir();
        AssertBadInput(FitCsv(dir, csv), dir, "data.csv", reason);
    }

    [Theory]
    [InlineData("--covariance-type", "banana", "banana")]
    [InlineData("--init-params", "magic", "magic")]
    [InlineData("--max-iter", "0", "--max-iter")]
    [InlineData("--tol", "-1", "--tol")]
    [InlineData("--max-iter", "many", "many")]
    [InlineData("-k", "0", "-k")]
    [InlineData("--family", "weibull", "weibull")]
    public void UnknownOrInvalidOptionValue_IsBadUsage(string option, string value, string fragment)
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", option, value, "-o", dir.File("out.json"));
        AssertBadInput(r, dir, fragment);
    }

    [Fact]
    public void UnknownOption_IsBadUsage()
    {
        using var dir = new TempDir();
        AssertBadInput(Tool.Run(dir.Path, "fit", Fixtures.Faithful, "--frobnicate"), dir, "--frobnicate");
    }

    [Fact]
    public void MoreComponentsThanRows_IsBadInput()
    {
        using var dir = new TempDir();
        AssertBadInput(FitCsv(dir, "a,b\n1,2\n3,4\n", "-k", "5"), dir, "5 components");
    }

    [Fact]
    public void UnknownColumn_ListsTheColumns()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "--columns", "waiting,height", "-o", dir.File("out.json"));
        AssertBadInput(r, dir, "'height'", "'eruptions'", "'waiting'");
    }

    [Theory]
    [InlineData("{\"weights\":[0.5,0.5],\"means\":[[2,55],[4,80]],\"precisions\":[[[1,0],[0,1]]]}", "precisions")]
    [InlineData("{\"weights\":[0.5,0.5,0.1],\"means\":[[2,55],[4,80]],\"precisions\":[[[1,0],[0,1]],[[1,0],[0,1]]]}", "weights")]
    [InlineData("{\"weights\":[1.5,-0.5],\"means\":[[2,55],[4,80]],\"precisions\":[[[1,0],[0,1]],[[1,0],[0,1]]]}", "eight")]
    [InlineData("{\"weights\":[0.5,0.5],\"means\":[[2,55],[4,80]],\"precisions\":[[[1,2],[2,1]],[[1,0],[0,1]]]}", "positive definite")]
    [InlineData("{\"weights\":[0.5,0.5],\"means\":[[2,55,1],[4,80,1]],\"precisions\":[[[1,0],[0,1]],[[1,0],[0,1]]]}", "means")]
    [InlineData("{\"weights\":[0.5,0.5],", "not valid JSON")]
    public void WrongInitFile_IsBadInput(string json, string fragment)
    {
        using var dir = new TempDir();
        var init = dir.Write("init.json", json);
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "--init", init, "-o", dir.File("out.json"));
        AssertBadInput(r, dir, fragment, "init.json");
    }

    [Fact]
    public void TruncatedModel_IsRejected()
    {
        using var dir = new TempDir();
        var model = dir.File("m.json");
        Assert.Equal(0, Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "-o", model, "-q").ExitCode);
        var text = File.ReadAllText(model);
        File.WriteAllText(model, text[..(text.Length / 2)]);
        AssertBadInput(Tool.Run(dir.Path, "predict", model, Fixtures.Faithful, "-o", dir.File("out.csv")), dir, "m.json");
    }

    [Fact]
    public void WrongFamilyOrVersion_IsRejected()
    {
        using var dir = new TempDir();
        var model = dir.File("m.json");
        Assert.Equal(0, Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "-o", model, "-q").ExitCode);
        var text = File.ReadAllText(model);
        File.WriteAllText(dir.File("fam.json"), text.Replace("\"gaussian\"", "\"weibull\""));
        File.WriteAllText(dir.File("ver.json"), text.Replace("\"format_version\": 1", "\"format_version\": 99"));
        AssertBadInput(Tool.Run(dir.Path, "score", dir.File("fam.json"), Fixtures.Faithful), dir, "fam.json");
        AssertBadInput(Tool.Run(dir.Path, "score", dir.File("ver.json"), Fixtures.Faithful), dir, "ver.json");
    }

    [Fact]
    public void DataWithWrongColumnCount_ForModel_IsRejected()
    {
        using var dir = new TempDir();
        var model = dir.File("m.json");
        Assert.Equal(0, Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "-o", model, "-q").ExitCode);
        var data = dir.Write("three.csv", "a,b,c\n1,2,3\n");
        AssertBadInput(Tool.Run(dir.Path, "predict", model, data, "-o", dir.File("out.csv")), dir, "three.csv", "3 feature columns");
    }

    [Fact]
    public void BadData_LeavesAnExistingOutputUntouched()
    {
        using var dir = new TempDir();
        var output = dir.Write("keep.json", "previous content");
        var data = dir.Write("bad.csv", "a,b\n1,2\n3,x\n");
        var r = Tool.Run(dir.Path, "fit", data, "-k", "1", "-o", output);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("previous content", File.ReadAllText(output));
        Assert.Equal(2, dir.Files().Length);
    }

    [Theory]
    [InlineData("select", "--k", "3..1")]
    [InlineData("select", "--covariance-types", "full,round")]
    [InlineData("select", "--criterion", "hqic")]
    [InlineData("select", "--plot", "out.gif")]
    public void SelectBadArguments_AreBadUsage(string verb, string option, string value)
    {
        using var dir = new TempDir();
        AssertBadInput(Tool.Run(dir.Path, verb, Fixtures.Faithful, option, value), dir, value);
    }

    [Fact]
    public void PlotToUnknownExtension_IsBadUsage()
    {
        using var dir = new TempDir();
        var model = dir.File("m.json");
        Assert.Equal(0, Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "-o", model, "-q").ExitCode);
        AssertBadInput(Tool.Run(dir.Path, "plot", model, Fixtures.Faithful, "-o", dir.File("out.jpg")), dir, ".png or .svg");
        AssertBadInput(Tool.Run(dir.Path, "plot", model, Fixtures.Faithful, "-o", dir.File("out.png"), "--x", "height"), dir, "'height'");
    }

    [Fact]
    public void UnrepairableFit_ExitsWithOne()
    {
        using var dir = new TempDir();
        var rows = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"{Math.Sin(i)},{Math.Cos(3 * i)}"));
        var data = dir.Write("iso.csv", "a,b\n" + rows + "\n100,100\n");
        var init = dir.Write("init.json", "{\"weights\":[0.5,0.5],\"means\":[[0,0],[100,100]],\"precisions\":[[[1,0],[0,1]],[[1,0],[0,1]]]}");
        var r = Tool.Run(dir.Path, "fit", data, "--init", init, "--reg-covar", "0", "--degenerate", "error", "-o", dir.File("out.json"));
        AssertFails(r, dir, 1, "fit failed", "component");
    }

    [Fact]
    public void Verbose_AddsTheStackTrace()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", dir.File("nope.csv"), "-k", "2", "--verbose");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("   at ", r.Stderr);
    }

    /// <summary>The messages docs/robustness.md quotes are exactly what the tool prints.</summary>
    [Theory]
    [InlineData("", "mixtures fit: data.csv: the file is empty.")]
    [InlineData("eruptions,waiting\n", "mixtures fit: data.csv: no data rows after the header.")]
    [InlineData("eruptions,waiting\n3.6,79\n1.8,54,7\n", "mixtures fit: data.csv, row 2: 3 fields but the header has 2 columns (a ragged row).")]
    [InlineData("eruptions,waiting\n3.6,79\n1.8,abc\n", "mixtures fit: data.csv, row 2, column 'waiting': 'abc' is not a number.")]
    [InlineData("eruptions,waiting\n3.6,79\n1.8,\n", "mixtures fit: data.csv, row 2, column 'waiting': empty cell; remove the row or impute a value.")]
    [InlineData("eruptions,waiting\n3.6,79\nNaN,54\n", "mixtures fit: data.csv, row 2, column 'eruptions': 'NaN' is not a finite number; remove the row or impute a value.")]
    [InlineData("eruptions,waiting\n3.6,79\n1.8,1e400\n", "mixtures fit: data.csv, row 2, column 'waiting': '1e400' is not a finite number; remove the row or impute a value.")]
    [InlineData("eruptions,waiting\n3.6,79\n1.8,\"54\"x\n", "mixtures fit: data.csv, row 2: malformed CSV: A delimiter, newline or EOF was expected after a closing quote.")]
    [InlineData("w\n1\n2\n", "mixtures fit: data.csv: no feature columns to read.", "--weights-column", "w")]
    [InlineData("a,b\n1,2\n3,4\n5,6\n", "mixtures fit: data.csv: The data has 3 samples but 4 components were asked for; use at most 3 components.", "-k", "4")]
    public void DocumentedMessages_AreWhatTheToolPrints(string csv, string message, params string[] extra)
    {
        using var dir = new TempDir();
        var r = FitCsv(dir, csv, extra);
        AssertBadInput(r, dir);
        Assert.Equal(message, r.Stderr.Trim());
    }
}
