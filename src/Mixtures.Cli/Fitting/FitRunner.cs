using Mixtures.Cli.Io;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mixtures.Cli.Fitting;

/// <summary>
/// Runs a fit, showing a live Spectre.Console display of the EM iterations when it takes more than a
/// moment and the output is an interactive terminal.
/// </summary>
internal static class FitRunner
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(400);

    public static GaussianMixtureModel Fit(GaussianMixtureOptions options, DataSet data, bool live, string title, CancellationToken ct)
    {
        try
        {
            return FitCore(options, data, live, title, ct);
        }
        catch (ArgumentException e)
        {
            throw DataMessages.Locate(e, data);
        }
    }

    private static GaussianMixtureModel FitCore(GaussianMixtureOptions options, DataSet data, bool live, string title, CancellationToken ct)
    {
        var progress = new LatestProgress();
        var gm = new GaussianMixture(options);
        if (!live) return gm.Fit(data.X, data.SampleWeights, progress, ct);

        var task = Task.Run(() => gm.Fit(data.X, data.SampleWeights, progress, ct), ct);
        if (!Finished(task, Moment))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            AnsiConsole.Live(Render(title, options, progress.Latest, clock.Elapsed))
                .AutoClear(true)
                .Start(ctx =>
                {
                    while (!Finished(task, TimeSpan.FromMilliseconds(100)))
                        ctx.UpdateTarget(Render(title, options, progress.Latest, clock.Elapsed));
                });
        }
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Waits without throwing: a failed or cancelled fit is rethrown by the caller.</summary>
    private static bool Finished(Task task, TimeSpan timeout) => ((IAsyncResult)task).AsyncWaitHandle.WaitOne(timeout);

    private static IRenderable Render(string title, GaussianMixtureOptions o, EmIteration? it, TimeSpan elapsed)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(new Markup("[bold]fitting[/]"), new Markup(Markup.Escape(title)));
        if (it is null)
        {
            grid.AddRow(new Markup("[grey]status[/]"), new Markup("initializing..."));
        }
        else
        {
            grid.AddRow(new Markup("[grey]restart[/]"), new Text($"{it.Init + 1} of {o.NInit}"));
            grid.AddRow(new Markup("[grey]iteration[/]"), new Text($"{it.Iteration} of at most {o.MaxIterations}"));
            grid.AddRow(new Markup("[grey]lower bound[/]"), new Text(it.LowerBound.ToString("F6", System.Globalization.CultureInfo.InvariantCulture)));
            grid.AddRow(new Markup("[grey]change[/]"), new Text(double.IsFinite(it.Change) ? it.Change.ToString("E2", System.Globalization.CultureInfo.InvariantCulture) : "-"));
        }
        grid.AddRow(new Markup("[grey]elapsed[/]"), new Text($"{elapsed.TotalSeconds:F1} s (Ctrl-C cancels)"));
        return new Panel(grid).Header("EM").Border(BoxBorder.Rounded);
    }
}
