using Mixtures.Serialization;

namespace Mixtures.Cli.Io;

/// <summary>
/// Checks an output path before any work, so that a long fit is not wasted on a file that cannot be
/// written: missing directories are created (a path through a file is refused), and the directory must take
/// a new file (a probe file is created and deleted there, as the temporary file will be). Symbolic links are
/// followed to the file they name; a device or FIFO is taken as it is. The write itself is
/// <see cref="OutputFiles"/>, through the library's <see cref="AtomicFile"/>. Directories created for a
/// command that then fails are removed again (<see cref="RemoveCreated"/>), when still empty.
/// </summary>
internal static class OutputPath
{
    /// <summary>Directories this process created, in order: a failed command removes them (deepest first) when empty.</summary>
    private static readonly List<string> Created = [];

    /// <summary>Checks <paramref name="path"/>, given with <paramref name="option"/>; "-" (stdout) only when <paramref name="allowStdout"/>.</summary>
    public static void Require(string path, string option = "-o", bool allowStdout = false)
    {
        if (path.Length == 0) throw new CliException($"{option}: the path is empty; give a file name{(allowStdout ? " or '-' for stdout" : "")}.");
        if (path == OutputFiles.Stdout)
        {
            if (allowStdout) return;
            throw new CliException($"{option} -: this output cannot go to stdout; give a file name.");
        }
        if (AtomicFile.WritesDirectly(path)) return;   // a device, FIFO or /dev/stdout: written directly
        var target = AtomicFile.Target(path);
        if (Directory.Exists(target))
            throw new CliException($"{option} {path}: is a directory; give a file name.");
        // The user's own spelling in messages, unless a link leads elsewhere.
        var dir = target == Path.GetFullPath(path) ? Path.GetDirectoryName(path) : Path.GetDirectoryName(target);
        if (string.IsNullOrEmpty(dir)) dir = ".";
        EnsureDirectory(dir, $"{option} {path}");
        Probe(path, option, dir);
    }

    /// <summary>
    /// Creates <paramref name="dir"/> and its missing parents; refuses, naming it, a component that is a file.
    /// <paramref name="what"/> starts the message ("-o sub/m.json").
    /// </summary>
    public static void EnsureDirectory(string dir, string what)
    {
        var missing = new Stack<string>();
        for (string? d = dir; !string.IsNullOrEmpty(d) && !Directory.Exists(d); d = Path.GetDirectoryName(d))
        {
            if (File.Exists(d)) throw new CliException($"{what}: '{d}' is a file, not a directory.");
            missing.Push(d);
        }
        while (missing.TryPop(out var d))
        {
            try
            {
                Directory.CreateDirectory(d);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var why = e is UnauthorizedAccessException ? " (permission denied)" : "";
                throw new CliException($"{what}: cannot create the directory '{d}'{why}.");
            }
            lock (Created) Created.Add(Path.GetFullPath(d));
        }
    }

    /// <summary>After a failed or cancelled command: removes the directories it created that are still empty, deepest first.</summary>
    public static void RemoveCreated()
    {
        lock (Created)
        {
            for (int i = Created.Count - 1; i >= 0; i--)
            {
                try
                {
                    if (Directory.Exists(Created[i]) && !Directory.EnumerateFileSystemEntries(Created[i]).Any()) Directory.Delete(Created[i]);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Someone else put something there or took it: leave it.
                }
            }
            Created.Clear();
        }
    }

    /// <summary>Creates and deletes a file where the temporary file will go: permissions, a read-only mount or a full inode table show now.</summary>
    private static void Probe(string path, string option, string dir)
    {
        var probe = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp.probe");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The system's message names the probe file, which the user never asked for: name their path.
            var why = e is UnauthorizedAccessException ? " (permission denied)" : "";
            throw new CliException($"{option} {path}: cannot create a file in '{dir}'{why}.");
        }
    }
}
