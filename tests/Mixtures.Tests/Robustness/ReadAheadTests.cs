using Mixtures.Data;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Robustness;

/// <summary>
/// <see cref="ReadAheadReader"/>: the ranges it returns are the inner reader's values, it reads the next range
/// of a run ahead (never past the run), a range held by the caller survives the read ahead, and a failing read
/// is thrown to the caller that asks for it.
/// </summary>
public class ReadAheadTests
{
    sealed class LoggingSource(double[,] x, double[]? w, long failAt = -1) : IRowSource
    {
        public readonly List<(long First, int Count)> Log = [];
        public readonly long FailAt = failAt;
        readonly CopyingSource _inner = new(x, w);
        public long Rows => _inner.Rows;
        public int Features => _inner.Features;
        public bool Weighted => _inner.Weighted;
        public IRowReader OpenReader() => new Reader(this, _inner.OpenReader());

        sealed class Reader(LoggingSource s, IRowReader inner) : IRowReader
        {
            public RowRange Read(long first, int count)
            {
                lock (s.Log) s.Log.Add((first, count));
                if (s.FailAt >= first && s.FailAt < first + count) throw new IOException($"bad row {s.FailAt}");
                return inner.Read(first, count);
            }

            public void Dispose() => inner.Dispose();
        }
    }

    [Fact]
    public void Ranges_AreTheInnerValues_AndTheNextRangeOfTheRunIsReadAhead()
    {
        var x = Synthetic.Blobs(1000, 3, 2, seed: 1);
        var w = Enumerable.Range(0, 1000).Select(i => 1.0 + i % 5).ToArray();
        var source = new LoggingSource(x, w);
        using (var reader = ReadAheadReader.Open(source, row => row < 600 ? 600 : 1000))
        {
            Assert.IsType<ReadAheadReader>(reader);
            var previous = reader.Read(0, 100).Values.ToArray();
            for (long first = 100; first < 600; first += 100)
            {
                var range = reader.Read(first, (int)Math.Min(100, 600 - first));
                Assert.Equal(previous, Copy(x, first - 100, 100));   // the range held before was not overwritten by the read ahead
                Assert.Equal(Copy(x, first, 100), range.Values.ToArray());
                Assert.Equal(w.AsSpan((int)first, 100).ToArray(), range.Weights.ToArray());
                previous = range.Values.ToArray();
            }
            var other = reader.Read(600, 50);   // a new run: not the range read ahead (none was: 600 ends the first run)
            Assert.Equal(Copy(x, 600, 50), other.Values.ToArray());
        }
        // Every range of the first run once, read ahead in order; nothing read past its end at 600.
        var firstRun = source.Log.Where(r => r.First < 600).ToList();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => ((long)i * 100, 100)), firstRun);
        Assert.Contains((600L, 50), source.Log);
        Assert.Contains((650L, 50), source.Log);   // read ahead within the second run
    }

    [Fact]
    public void AFailedReadAhead_IsThrownToTheCallerThatAsksForThoseRows()
    {
        var x = Synthetic.Blobs(400, 2, 2, seed: 3);
        var source = new LoggingSource(x, null, failAt: 250);
        using var reader = ReadAheadReader.Open(source, _ => 400);
        reader.Read(0, 100);
        reader.Read(100, 100);   // reads 200..299 ahead, which fails
        var e = Assert.Throws<IOException>(() => reader.Read(200, 100));
        Assert.Equal("bad row 250", e.Message);
    }

    [Fact]
    public void AnInMemoryArray_IsReadDirectly()
    {
        using var reader = ReadAheadReader.Open(new ArrayRowSource(new double[10, 2]), _ => 10);
        Assert.IsType<ArrayRowSource>(reader);
    }

    static double[] Copy(double[,] x, long first, int count)
    {
        int d = x.GetLength(1);
        var a = new double[count * d];
        for (int i = 0; i < count; i++) for (int j = 0; j < d; j++) a[i * d + j] = x[first + i, j];
        return a;
    }
}
