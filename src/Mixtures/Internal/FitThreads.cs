namespace Mixtures.Internal;

/// <summary>
/// The thread limit of the fit running on this logical call (MaxDegreeOfParallelism; null: all cores), for
/// whole-matrix work below the M-step (the blocked Cholesky factor and inverse, the K factorizations), which
/// is reached through signatures that do not carry the options. Like <see cref="FitCancellation"/>, it flows
/// into Parallel.For workers. Results never depend on it: the blocking of every such computation is fixed.
/// </summary>
internal static class FitThreads
{
    static readonly AsyncLocal<int?> Current = new();

    /// <summary>Makes <paramref name="maxThreads"/> the current limit until the returned scope is disposed.</summary>
    public static Scope Enter(int? maxThreads)
    {
        var previous = Current.Value;
        Current.Value = maxThreads;
        return new Scope(previous);
    }

    /// <summary>Threads whole-matrix work may use now.</summary>
    public static int Max => Math.Max(1, Current.Value ?? Environment.ProcessorCount);

    /// <summary>
    /// Runs body(0..count-1), in parallel when <paramref name="work"/> (about the flops of all of them) pays for
    /// the dispatch and the limit allows; items are taken in order. Each item must write only its own outputs.
    /// </summary>
    public static void For(int count, double work, Action<int> body)
    {
        int threads = Math.Min(Max, count);
        if (threads <= 1 || work < ParallelWork)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        int next = -1;
        try
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count) body(i);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0 && e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
    }

    /// <summary>Flops below which a loop runs on the calling thread: dispatching to the pool costs tens of microseconds.</summary>
    const double ParallelWork = 2e6;

    /// <summary>Restores the limit that was current before <see cref="Enter"/>.</summary>
    public readonly struct Scope(int? previous) : IDisposable
    {
        /// <summary>Restores the previous limit.</summary>
        public void Dispose() => Current.Value = previous;
    }
}
