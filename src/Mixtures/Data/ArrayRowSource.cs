using Mixtures.Internal;

namespace Mixtures.Data;

/// <summary>Rows held in memory as a [N, D] array: ranges are spans into it, nothing is copied.</summary>
public sealed class ArrayRowSource : IRowSource, IRowReader
{
    readonly double[,] _x;
    readonly double[]? _w;

    /// <param name="x">The rows [N, D] (not copied: do not change them while a fit reads them).</param>
    /// <param name="sampleWeight">One weight per row, or null for all 1.</param>
    public ArrayRowSource(double[,] x, double[]? sampleWeight = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (sampleWeight is not null && sampleWeight.Length != x.GetLength(0))
            throw new ArgumentException($"sampleWeight has {sampleWeight.Length} entries but the data has {x.GetLength(0)} rows.", nameof(sampleWeight));
        _x = x;
        _w = sampleWeight;
    }

    /// <summary>The rows.</summary>
    public double[,] Array => _x;

    /// <summary>The weights, or null.</summary>
    public double[]? SampleWeight => _w;

    /// <inheritdoc/>
    public long Rows => _x.GetLength(0);

    /// <inheritdoc/>
    public int Features => _x.GetLength(1);

    /// <inheritdoc/>
    public bool Weighted => _w is not null;

    /// <summary>Stateless: every worker shares this reader.</summary>
    public IRowReader OpenReader() => this;

    /// <inheritdoc/>
    public RowRange Read(long first, int count) =>
        new(MatrixSpan.Rows(_x, checked((int)first), count), _w is null ? default : _w.AsSpan(checked((int)first), count));

    void IDisposable.Dispose() { }
}
