using System.Collections.Concurrent;

namespace Mixtures.Serialization;

/// <summary>
/// Whole-file writes that never leave a half-written file: the content goes to a temporary file beside
/// the target, which is renamed over it only when complete, so a reader sees the old file or the new one.
/// The temporary file is deleted when the writer fails (an <see cref="OperationCanceledException"/> from a
/// cancelled writer included), and also when the process exits while a write is still pending (a tool
/// stopped by a signal), so no stray temporary file is left behind.
/// </summary>
public static class AtomicFile
{
    static readonly ConcurrentDictionary<string, byte> Pending = new();

    static AtomicFile() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var temp in Pending.Keys) TryDelete(temp);
    };

    /// <summary>Writes through <paramref name="write"/> into a temporary file, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteThroughPath(path, temp =>
        {
            using var s = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            write(s);
            s.Flush(flushToDisk: true);
        });
    }

    /// <summary>
    /// For writers that can only save to a path (a plotting library's <c>SavePng(path)</c>, say):
    /// <paramref name="writeToPath"/> receives the temporary path, which keeps the target's extension, and
    /// the file it leaves there is renamed to <paramref name="path"/>.
    /// </summary>
    public static void WriteThroughPath(string path, Action<string> writeToPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(writeToPath);
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!,
            $".{Path.GetFileNameWithoutExtension(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
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

    static void TryDelete(string path)
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
