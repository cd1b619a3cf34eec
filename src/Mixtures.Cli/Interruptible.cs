using System.Runtime.ExceptionServices;

namespace Mixtures.Cli;

/// <summary>
/// Library calls that take no cancellation token (Predict, PredictProba, ScoreSamples, Sample on millions
/// of rows take seconds) run on a pool thread while the verb waits on its token: a signal then ends the
/// verb at once, and the abandoned computation dies with the process, which exits right after.
/// </summary>
internal static class Interruptible
{
    /// <summary>The result of <paramref name="work"/>, or <see cref="OperationCanceledException"/> as soon as <paramref name="ct"/> is cancelled.</summary>
    public static T Run<T>(Func<T> work, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var task = Task.Run(work, CancellationToken.None);
        try
        {
            task.Wait(ct);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return task.Result;
    }
}
