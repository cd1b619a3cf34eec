using System.Collections.Concurrent;

namespace Mixtures.Cli.Io;

/// <summary>
/// Writes files all-or-nothing: content goes to a temporary file in the same directory, which is
/// renamed over the target only when complete. A failure or Ctrl-C deletes the temporary file, so a
/// reader never sees a half-written output.
/// </summary>
internal static class AtomicWriter
{
    private static readonly ConcurrentDictionary<string, byte> Pending = new();

    static AtomicWriter() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeletePending();

    /// <summary>Writes through a callback that receives the temporary path (for libraries that save to a path).</summary>
    public static void Write(string path, Action<string> writeToPath)
    {
        var full = Path.GetFullPath(path);
        RequireDirectory(full);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        Pending[temp] = 0;
        try
        {
            writeToPath(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
            Pending.TryRemove(temp, out _);
        }
    }

    /// <summary>Writes text through a <see cref="TextWriter"/>.</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        WriteStream(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            write(writer);
        });

    /// <summary>Writes bytes through a <see cref="Stream"/> (a model file is streamed, never held as one string).</summary>
    public static void WriteStream(string path, Action<Stream> write) =>
        Write(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            write(stream);
            stream.Flush(flushToDisk: true);
        });

    /// <summary>Checks before any work that the output's directory exists, so a long fit is not wasted.</summary>
    public static void RequireDirectory(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null && !Directory.Exists(dir))
            throw new CliException($"{path}: the directory '{dir}' does not exist.");
        if (Directory.Exists(path))
            throw new CliException($"{path}: is a directory; give a file name.");
    }

    private static void DeletePending()
    {
        foreach (var temp in Pending.Keys) TryDelete(temp);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
