using Mixtures.Cli.Io;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mixtures.Cli.Fitting;

/// <summary>
/// Runs a fit of any family, showing a live Spectre.Console display of the EM iterations when it takes
/// more than a moment and the output is an interactive terminal (not redirected, no --json or --quiet).
/// </summary>
internal static class FitRunner
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(400);

    /// <summary>
    /// Runs <paramref name="fit"/> (which reports every EM iteration to the progress it is given); data errors
    /// are rewritten to name the file, row and column; errors in the initial parameters name <paramref name="initFile"/>.
    /// </summary>
    public static IMixtureModel Fit(Func<IProgress<EmIteration>?, CancellationToken, IMixtureModel> fit, int restarts, int maxIterations,
        DataSet data, bool live, string title, CancellationToken ct, string? initFile = null)
    {
        try
        {
            return FitCore(fit, restarts, maxIterations, live, title, ct);
        }
        catch (ArgumentException e) when (initFile is not null && IsAboutInit(e))
        {
            throw new CliException($"{Path.GetFileName(initFile)}: {ErrorReporter.Classify(e).Message}", ExitCodes.BadInput, e);
        }
        catch (ArgumentException e)
        {
            throw DataMessages.Locate(e, data);
        }
    }

    /// <summary>The library names initial parameters InitialWeights, InitialMeans, InitialPrecisions.</summary>
    private static bool IsAboutInit(ArgumentException e) =>
        e.ParamName?.StartsWith("Initial", StringComparison.Ordinal) == true || e.Message.StartsWith("Initial", StringComparison.Ordinal);

    private static IMixtureModel FitCore(Func<IProgress<EmIteration>?, CancellationToken, IMixtureModel> fit, int restarts, int maxIterations,
        bool live, string title, CancellationToken ct)
    {
        var progress = new LatestProgress();
        if (!live) return fit(progress, ct);

        var task = Task.Run(() => fit(progress, ct), ct);
        if (!Finished(task, Moment))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            AnsiConsole.Live(Render(title, restarts, maxIterations, progress.Latest, clock.Elapsed))
                .AutoClear(true)
                .Start(ctx =>
                {
                    while (!Finished(task, TimeSpan.FromMilliseconds(100)))
                        ctx.UpdateTarget(Render(title, restarts, maxIterations, progress.Latest, clock.Elapsed));
                });
        }
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Waits without throwing: a failed or cancelled fit is rethrown by the caller.</summary>
    private static bool Finished(Task task, TimeSpan timeout) => ((IAsyncResult)task).AsyncWaitHandle.WaitOne(timeout);

    /// <summary>A change in plain notation: 0.00094, or 1.2e-7 when it is tiny (never .NET's 9.40E-004).</summary>
    internal static string Plain(double v) => Math.Abs(v) >= 1e-4 || v == 0
        ? v.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)
        : v.ToString("0.##e+0", System.Globalization.CultureInfo.InvariantCulture);

    private static IRenderable Render(string title, int restarts, int maxIterations, EmIteration? it, TimeSpan elapsed)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(new Markup("[bold]fitting[/]"), new Markup(Markup.Escape(title)));
        if (it is null)
        {
            grid.AddRow(new Markup("[grey]status[/]"), new Markup("initializing..."));
        }
        else
        {
            grid.AddRow(new Markup("[grey]restart[/]"), new Text($"{it.Init + 1} of {restarts}"));
            grid.AddRow(new Markup("[grey]iteration[/]"), new Text($"{it.Iteration} of at most {maxIterations}"));
            grid.AddRow(new Markup("[grey]lower bound[/]"), new Text(it.LowerBound.ToString("F6", System.Globalization.CultureInfo.InvariantCulture)));
            grid.AddRow(new Markup("[grey]change[/]"), new Text(double.IsFinite(it.Change) ? Plain(it.Change) : "-"));
        }
        grid.AddRow(new Markup("[grey]elapsed[/]"), new Text($"{elapsed.TotalSeconds:F1} s (Ctrl-C cancels)"));
        return new Panel(grid).Header("EM").Border(BoxBorder.Rounded);
    }
}
