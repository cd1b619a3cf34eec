using System.Collections.Concurrent;

namespace Mixtures.Cli.Io;

/// <summary>
/// The responsibilities and log-likelihood of row i, for i = 0, 1, 2, ... in order: the model scores the
/// rows window by window on another thread (the next window is scored while this one is written), and
/// at most two windows are held, so predict and score write their output while the data streams.
/// </summary>
internal sealed class RowScoreCursor : IDisposable
{
    private readonly BlockingCollection<Window> _windows = new(boundedCapacity: 2);
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;
    private readonly int _k;
    private Window? _current;

    private sealed record Window(long First, int Count, double[] Resp, double[] LogLik);

    public RowScoreCursor(IMixtureModel model, DataSet data, CancellationToken ct)
    {
        var m = model as MixtureModel ?? throw new CliException($"{model.Family} models cannot be scored row by row.");
        _k = m.Components;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var token = _stop.Token;
        _producer = Task.Run(() =>
        {
            try
            {
                m.Evaluate(data.RowSource, (first, count, resp, ll) =>
                    _windows.Add(new Window(first, count, resp.ToArray(), ll.ToArray()), token), token);
            }
            finally
            {
                _windows.CompleteAdding();
            }
        }, token);
    }

    /// <summary>Row <paramref name="i"/>'s posterior probabilities (K values); rows must be asked in order.</summary>
    public ReadOnlySpan<double> Responsibilities(long i) => Move(i).Resp.AsSpan((int)(i - _current!.First) * _k, _k);

    /// <summary>Row <paramref name="i"/>'s log-likelihood.</summary>
    public double LogLikelihood(long i) => Move(i).LogLik[(int)(i - _current!.First)];

    /// <summary>The most probable component of row <paramref name="i"/> (the first of equals, as Predict).</summary>
    public int Label(long i)
    {
        var r = Responsibilities(i);
        int best = 0;
        for (int c = 1; c < r.Length; c++)
            if (r[c] > r[best]) best = c;
        return best;
    }

    private Window Move(long i)
    {
        while (_current is null || i >= _current.First + _current.Count)
        {
            if (!_windows.TryTake(out var next, Timeout.Infinite))
            {
                _producer.GetAwaiter().GetResult(); // rethrows the scoring error (bad row, cancellation)
                throw new InvalidOperationException("fewer rows were scored than asked for.");
            }
            _current = next;
        }
        return _current;
    }

    public void Dispose()
    {
        _stop.Cancel();
        while (_windows.TryTake(out _)) { }
        try { _producer.Wait(); } catch (AggregateException) { }
        _stop.Dispose();
        _windows.Dispose();
    }
}
