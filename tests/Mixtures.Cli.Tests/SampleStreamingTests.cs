using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>sample writes its CSV window by window as it draws: the same points as the in-memory draw (--json), across windows.</summary>
public class SampleStreamingTests
{
    [Fact]
    public void StreamedCsv_EqualsTheInMemoryDraw()
    {
        using var dir = new TempDir();
        var model = dir.File("m.json");
        Assert.Equal(0, Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "--seed", "1", "-o", model, "-q").ExitCode);
        var csv = dir.File("s.csv");
        var a = Tool.Run(dir.Path, "sample", model, "-n", "70000", "--seed", "5", "-o", csv, "-q");   // more than one 65536-row window
        Assert.True(a.ExitCode == 0, a.ToString());
        var b = Tool.Run(dir.Path, "sample", model, "-n", "70000", "--seed", "5", "--json");
        Assert.True(b.ExitCode == 0, b.ToString());
        using var doc = System.Text.Json.JsonDocument.Parse(b.Stdout);
        var points = doc.RootElement.GetProperty("points").EnumerateArray().ToArray();
        var components = doc.RootElement.GetProperty("components").EnumerateArray().ToArray();
        var lines = File.ReadAllLines(csv);
        Assert.Equal(70001, lines.Length);
        foreach (int i in new[] { 0, 1, 65535, 65536, 65537, 69999 })
        {
            var cells = lines[i + 1].Split(',');
            var p = points[i].EnumerateArray().Select(v => v.GetDouble()).ToArray();
            Assert.Equal(p, cells[..2].Select(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(components[i].GetInt32(), int.Parse(cells[2]));
        }
    }
}
