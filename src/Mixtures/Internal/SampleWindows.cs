namespace Mixtures.Internal;

/// <summary>
/// Collects drawn rows into a window of at most <see cref="Rows"/> rows and hands each full window to the sink in
/// row order, so that drawing N points holds one window, not N x D (the CLI's sample writes them as they come).
/// </summary>
internal sealed class SampleWindows(int features, SampleSink sink, int rows = SampleWindows.Rows)
{
    /// <summary>Rows per window.</summary>
    public const int Rows = 1 << 16;

    readonly double[] _points = new double[rows * features];
    readonly int[] _components = new int[rows];
    int _filled;
    long _first;

    /// <summary>The next row to fill, drawn from <paramref name="component"/>.</summary>
    public Span<double> Next(int component)
    {
        if (_filled == _components.Length) Flush();
        _components[_filled] = component;
        return _points.AsSpan(_filled++ * features, features);
    }

    /// <summary>Hands what is filled to the sink.</summary>
    public void Flush()
    {
        if (_filled == 0) return;
        FitCancellation.ThrowIfRequested();
        sink(_first, _points.AsSpan(0, _filled * features), _components.AsSpan(0, _filled));
        _first += _filled;
        _filled = 0;
    }

    /// <summary>Draws into a [n, D] array and labels through windows: what the array Sample returns.</summary>
    public static MixtureSample Collect(int n, int d, Action<SampleWindows> draw)
    {
        var points = new double[n, d];
        var labels = new int[n];
        var windows = new SampleWindows(d, (first, p, c) =>
        {
            p.CopyTo(MatrixSpan.Flat(points).Slice((int)first * d));
            c.CopyTo(labels.AsSpan((int)first));
        }, Math.Min(n, Rows));
        draw(windows);
        windows.Flush();
        return new MixtureSample(points, labels);
    }
}
