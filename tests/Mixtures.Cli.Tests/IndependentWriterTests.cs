using Mixtures.Cli.Tests.Infrastructure;
using Mixtures.Files;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// Files written by other tools than the libraries the reader uses (fixtures/independent, made by make.mjs there with
/// the JavaScript hyparquet-writer and apache-arrow): every value is read as written, in memory and streamed fits agree.
/// </summary>
public class IndependentWriterTests
{
    private static string File(string name) => Path.Combine(Fixtures.Root, "independent", name);

    /// <summary>The rows make.mjs writes: a = i/4 - 1 (float64), b = i/8 (float32), c = (i % 3) 7 - 5 (int32), d = i 1000000007 (int64).</summary>
    private static double[] Row(int i) => [i * 0.25 - 1, i / 8.0, i % 3 * 7 - 5, i * 1000000007.0];

    [Theory]
    [InlineData("small.parquet")]
    [InlineData("small.arrow")]
    public void EveryValue_IsReadAsWritten(string name)
    {
        using var table = TableFile.Open(File(name));
        Assert.Equal(["a", "b", "c", "d"], table.ColumnNames);
        Assert.Equal(12, table.RowCount);
        var source = table.Select([0, 1, 2, 3]);
        using var reader = source.OpenReader();
        var all = reader.Read(0, 12).Values.ToArray();   // across the row groups (5, 5, 2) or record batches (7, 5)
        Assert.Equal(Enumerable.Range(0, 12).SelectMany(Row), all);
        var weighted = table.Select([0, 3], 1);   // b as weights
        using var r2 = weighted.OpenReader();
        var range = r2.Read(4, 5);
        Assert.Equal(Enumerable.Range(4, 5).SelectMany(i => new[] { Row(i)[0], Row(i)[3] }), range.Values.ToArray());
        Assert.Equal(Enumerable.Range(4, 5).Select(i => Row(i)[1]), range.Weights.ToArray());
    }

    [Fact]
    public void ParquetAndArrow_FromTheOtherWriters_FitTheSameModel_InMemoryAndStreamed()
    {
        using var dir = new TempDir();
        string[] fit = ["-k", "2", "--columns", "a,b,c", "--seed", "1", "--reg-covar", "1e-3", "--json"];
        static string Model(CliResult r)
        {
            Assert.True(r.ExitCode == 0, r.ToString());
            return string.Join('\n', r.Stdout.Split('\n').Where(l => !l.Contains("seconds") && !l.Contains("\"model\"")));
        }
        var parquet = Model(Tool.Run(dir.Path, ["fit", File("small.parquet"), .. fit]));
        Assert.Equal(parquet, Model(Tool.Run(dir.Path, ["fit", File("small.arrow"), .. fit])));
        Assert.Equal(parquet, Model(Tool.Run(dir.Path, ["fit", File("small.arrow"), "--out-of-core", "--temp-dir", dir.Path, .. fit])));
    }
}
