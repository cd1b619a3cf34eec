using Mixtures.Internal.Initialization.Hierarchical;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Mclust;

/// <summary>mclust's starting partitions: the quantile start in 1-D and the cut of a merge sequence reproduce mclust's.</summary>
public class HierarchicalStartTests
{
    [Fact]
    public void QuantileStart_ReproducesMclustPartitionsOfLine1d()
    {
        var c = Fixtures.Case("mclust_line1d_select");
        var x = Fixtures.Data("data/line1d.csv");
        foreach (var p in c.GetProperty("expected").GetProperty("init_partitions").EnumerateObject())
            Assert.Equal(Fixtures.Flat(p.Value).Select(v => (int)v).ToArray(), QuantileStart.Classes(x, int.Parse(p.Name)));
    }

    [Theory]
    [InlineData("mclust_faithful_select")]
    [InlineData("mclust_iris_select")]
    [InlineData("mclust_blobs5_select")]
    public void CutOfMclustMergeSequence_GivesItsPartitions(string name)
    {
        var e = Fixtures.Case(name).GetProperty("expected");
        var pairs = e.GetProperty("hc_pairs").EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32())).ToArray();
        foreach (var p in e.GetProperty("init_partitions").EnumerateObject())
            Assert.Equal(Fixtures.Flat(p.Value).Select(v => (int)v).ToArray(), HcPartitions.Cut(pairs, pairs.Length + 1, int.Parse(p.Name)));
    }

    /// <summary>
    /// Our own hc (SVD transform + VVV agglomeration, mclust's tie order) gives mclust's merge sequence and so its
    /// starting partitions. blobs5 is mclust's subset path: its rows are R's draw, given here as the case's subset
    /// (a test-only input; our own draw uses .NET's generator).
    /// </summary>
    [Theory]
    [InlineData("mclust_faithful_select")]
    [InlineData("mclust_iris_select")]
    [InlineData("mclust_blobs5_select")]
    public void OwnHc_ReproducesMclustMergeSequenceAndPartitions(string name)
    {
        var c = Fixtures.Case(name);
        var x = Fixtures.Data(c.GetProperty("data").GetString()!);
        var e = c.GetProperty("expected");
        int[]? subset = c.GetProperty("subset").ValueKind == System.Text.Json.JsonValueKind.Array
            ? Fixtures.Flat(c.GetProperty("subset")).Select(v => (int)v).ToArray() : null;
        var expected = e.GetProperty("hc_pairs").EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32())).ToArray();
        var pairs = HierarchicalStart.Pairs(x, subset);
        int firstDifference = Enumerable.Range(0, expected.Length).FirstOrDefault(s => expected[s] != pairs[s], -1);
        Assert.True(firstDifference < 0, $"merge {firstDifference}: mclust {expected[Math.Max(firstDifference, 0)]}, ours {pairs[Math.Max(firstDifference, 0)]}");
        foreach (var p in e.GetProperty("init_partitions").EnumerateObject())
            Assert.Equal(Fixtures.Flat(p.Value).Select(v => (int)v).ToArray(), HierarchicalStart.Labels(x, int.Parse(p.Name), subset, pairs));
    }

    /// <summary>
    /// Tied values: mclust's qclass tries finer grids until G + 1 distinct cut points exist, then drops the lower
    /// ends of the narrowest gaps. The expected classes are R's <c>mclust:::qclass(x, 3)</c> (mclust 6.0.0), less 1:
    /// the first set needs the 7-point grid (0, 0, 0, 0, 1, 2.5, 4), the second gets 5 distinct points and drops one.
    /// </summary>
    [Theory]
    [InlineData(new double[] { 0, 0, 0, 0, 0, 0, 1, 2, 3, 4 }, new[] { 0, 0, 0, 0, 0, 0, 1, 1, 2, 2 })]
    [InlineData(new double[] { 0, 1, 1, 5, 3, 0, 1, 0, 0 }, new[] { 0, 1, 1, 2, 2, 0, 1, 0, 0 })]
    public void QuantileStart_WithTies_RefinesTheGridAsMclust(double[] values, int[] expected)
    {
        var x = new double[values.Length, 1];
        for (int i = 0; i < values.Length; i++) x[i, 0] = values[i];
        Assert.Equal(expected, QuantileStart.Classes(x, 3));
    }

    /// <summary>N &lt;= D: mclust agglomerates with EII's criterion (Ward's), as VVV's needs more points than features.</summary>
    [Fact]
    public void FewerRowsThanFeatures_MergeByWard()
    {
        // Rows 0 and 2 are close, row 1 far away; with 3 rows in 4-D VVV's criterion has no determinant to use.
        var x = new double[,] { { 0, 0, 0, 0 }, { 5, -3, 2, 7 }, { 0.1, 0.2, 0, 0.1 } };
        Assert.Equal([(0, 2), (0, 1)], HierarchicalStart.Pairs(x, null));
        Assert.Equal([0, 1, 0], HierarchicalStart.Labels(x, 2, null));
    }

    [Fact]
    public void HierarchicalInit_FitsDeterministically()
    {
        var x = Fixtures.Data("data/faithful.csv");
        var o = new GaussianMixtureOptions { Components = 3, CovarianceType = CovarianceType.VVV, Init = InitMethod.Hierarchical, StopRule = StopRule.Mclust, RegCovar = 0 };
        var a = new GaussianMixture(o).Fit(x);
        var b = new GaussianMixture(o with { MaxDegreeOfParallelism = 1 }).Fit(x);
        Assert.Equal(a.Means, b.Means);
        Assert.Equal(3, a.Predict(x).Distinct().Count());
    }
}
