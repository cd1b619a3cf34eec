using Mixtures.Data;
using Mixtures.Internal;

namespace Mixtures.Tests.Support;

/// <summary>Copies each range into a per-reader buffer and counts reads; rows are never handed out as spans of the array.</summary>
public sealed class CopyingSource(double[,] x, double[]? w) : IRowSource
{
    public int Reads;
    public int MaxRange;
    public readonly double[,] X = x;
    public readonly double[]? W = w;
    public long Rows => X.GetLength(0);
    public int Features => X.GetLength(1);
    public bool Weighted => W is not null;
    public IRowReader OpenReader() => new Reader(this);

    sealed class Reader(CopyingSource s) : IRowReader
    {
        double[] _values = [];
        double[] _weights = [];

        public RowRange Read(long first, int count)
        {
            Interlocked.Increment(ref s.Reads);
            lock (s) s.MaxRange = Math.Max(s.MaxRange, count);
            int d = s.Features;
            if (_values.Length < count * d) _values = new double[count * d];
            MatrixSpan.Rows(s.X, (int)first, count).CopyTo(_values);
            if (s.W is null) return new RowRange(_values.AsSpan(0, count * d), default);
            if (_weights.Length < count) _weights = new double[count];
            s.W.AsSpan((int)first, count).CopyTo(_weights);
            return new RowRange(_values.AsSpan(0, count * d), _weights.AsSpan(0, count));
        }

        public void Dispose() => Array.Clear(_values);   // a range must not be read after its reader is disposed
    }
}
