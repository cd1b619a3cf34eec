using Mixtures.Cli.Tests.Infrastructure;
using Mixtures.Data;
using Mixtures.Files;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// Parquet and Arrow sources with a cache directory (what `fit` streams): ranges read after the first pass come
/// from the cache file and equal the decoded values and weights, across block boundaries; the file leaves no name behind.
/// </summary>
public class DecodedCacheTests
{
    [Theory]
    [InlineData("parquet")]
    [InlineData("arrow")]
    public void CachedRanges_EqualDecodedRanges_WithWeights(string format)
    {
        using var dir = new TempDir();
        var rows = Enumerable.Range(0, 1000).Select(i => new[] { i * 0.5, Math.Sin(i), 1.0 + i % 3 }).ToArray();
        var path = dir.File("t." + format);
        string[] names = ["a", "b", "w"];
        if (format == "parquet") TableFileWriters.Parquet(path, names, rows, groupRows: 300);
        else TableFileWriters.Arrow(path, names, rows, batchRows: 300);
        using var table = (BlockedTable)TableFile.Open(path);
        var plain = table.Select([1, 0], 2);
        var cached = table.Select([1, 0], 2, dir.Path);
        (long, int)[] ranges = [(0, 250), (250, 250), (500, 500), (290, 20), (999, 1), (0, 1000)];
        for (int pass = 0; pass < 2; pass++)   // the first pass decodes (and writes the cache), the second reads the cache
        {
            using var a = plain.OpenReader();
            using var b = cached.OpenReader();
            foreach (var (first, count) in ranges)
            {
                var x = a.Read(first, count);
                var xv = x.Values.ToArray();
                var xw = x.Weights.ToArray();
                var y = b.Read(first, count);
                Assert.Equal(xv, y.Values.ToArray());
                Assert.Equal(xw, y.Weights.ToArray());
                Assert.Equal(rows[(int)first][1], y.Values[0]);
                Assert.Equal(rows[(int)first][2], y.Weights[0]);
            }
        }
        Assert.Empty(Directory.GetFiles(dir.Path, ".mixtures-spill-*"));   // unlinked when created
        ((IDisposable)cached).Dispose();
    }
}
