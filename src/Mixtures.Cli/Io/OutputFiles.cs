using Mixtures.Serialization;

namespace Mixtures.Cli.Io;

/// <summary>
/// Every output file of one command, staged and then committed together: each is written to a temporary
/// file first (the library's <see cref="AtomicFile"/>), and only when all are written are they renamed over
/// their targets, in the order they were staged. A failure or a signal before that leaves every existing
/// file as it was, and disposing deletes whatever was not committed. "-" is stdout, and devices, FIFOs and
/// <c>/dev/stdout</c> are written when staged, directly: they cannot be taken back.
/// </summary>
internal sealed class OutputFiles(CancellationToken cancellationToken) : IDisposable
{
    /// <summary>The path that means standard output.</summary>
    public const string Stdout = "-";

    readonly List<AtomicFile.StagedFile> _staged = [];
    readonly List<string> _pending = [];
    readonly List<string> _written = [];

    /// <summary>The files committed so far, in the order they were staged, each with its note ("model.json", "curve.png (900 x 650)").</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>Cancels a long write (checked by the writers as they go).</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Set by a verb whose stdout is a result for scripts (score's number): like <see cref="UsesStdout"/>, it then carries nothing else.</summary>
    public bool StdoutIsData { get; set; }

    /// <summary>True when some output goes to stdout, which then carries nothing else.</summary>
    public bool UsesStdout { get; private set; }

    /// <summary>Writes <paramref name="path"/> ("-" for stdout) through <paramref name="write"/>; renamed into place by <see cref="Commit"/>; <paramref name="note"/> follows the path in <see cref="Written"/>.</summary>
    public void Stage(string path, Action<Stream> write, string? note = null)
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (path == Stdout)
        {
            UsesStdout = true;
            using var stdout = Console.OpenStandardOutput();
            write(stdout);
            stdout.Flush();
            return;
        }
        _staged.Add(AtomicFile.Stage(path, write));
        _pending.Add(Described(path, note));
    }

    /// <summary>For writers that can only save to a path: <paramref name="write"/> receives the temporary path.</summary>
    public void StageThroughPath(string path, Action<string> write, string? note = null)
    {
        CancellationToken.ThrowIfCancellationRequested();
        _staged.Add(AtomicFile.StageThroughPath(path, write));
        _pending.Add(Described(path, note));
    }

    private static string Described(string path, string? note) => note is null ? path : $"{path} ({note})";

    /// <summary>The model as JSON.</summary>
    public void SaveModel(IMixtureModel model, string path) => Stage(path, s => MixtureModelJson.Write(model, s));

    /// <summary>Renames every staged file over its target; the last chance for a signal to keep the old files.</summary>
    public void Commit()
    {
        CancellationToken.ThrowIfCancellationRequested();
        foreach (var s in _staged) s.Commit();
        _staged.Clear();
        _written.AddRange(_pending);
        _pending.Clear();
    }

    /// <summary>Deletes the temporary files of whatever was not committed.</summary>
    public void Dispose()
    {
        foreach (var s in _staged) s.Dispose();
        _staged.Clear();
        _pending.Clear();
    }
}
