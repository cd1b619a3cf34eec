namespace Mixtures.Internal.Data;

/// <summary>Rows held in memory as a [N, D] array: ranges are spans into it, nothing is copied.</summary>
internal sealed class ArrayRowSource : IRowSource, IRowReader
{
    readonly double[,] _x;
    readonly double[]? _w;

    public ArrayRowSource(double[,] x, double[]? sampleWeight)
    {
        _x = x;
        _w = sampleWeight;
    }

    /// <summary>The array itself, for the steps that still need all rows at once (k-means initialization).</summary>
    public double[,] Array => _x;

    /// <summary>The weights, or null.</summary>
    public double[]? SampleWeight => _w;

    public long Rows => _x.GetLength(0);
    public int Features => _x.GetLength(1);
    public bool Weighted => _w is not null;

    /// <summary>Stateless: every worker shares this reader.</summary>
    public IRowReader OpenReader() => this;

    public RowRange Read(long first, int count) =>
        new(MatrixSpan.Rows(_x, checked((int)first), count), _w is null ? default : _w.AsSpan(checked((int)first), count));

    void IDisposable.Dispose() { }
}
