using Mixtures.Serialization;

namespace Mixtures.Cli.Io;

/// <summary>
/// Checks an output path before any work, so that a long fit is not wasted on a file that cannot be
/// written: the directory must exist and take a new file (a probe file is created and deleted there, as the
/// temporary file will be). Symbolic links are followed to the file they name; a device or FIFO is taken
/// as it is. The write itself is <see cref="OutputFiles"/>, through the library's <see cref="AtomicFile"/>.
/// </summary>
internal static class OutputPath
{
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
        var dir = Path.GetDirectoryName(target);
        if (dir is not null && !Directory.Exists(dir))
            throw new CliException($"{path}: the directory '{dir}' does not exist.");
        if (Directory.Exists(target))
            throw new CliException($"{path}: is a directory; give a file name.");
        Probe(path, option, dir ?? ".");
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
