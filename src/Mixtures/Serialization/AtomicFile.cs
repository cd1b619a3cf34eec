using System.Collections.Concurrent;

namespace Mixtures.Serialization;

/// <summary>
/// Whole-file writes that never leave a half-written file: the content goes to a temporary file beside
/// the target, which is renamed over it only when complete, so a reader sees the old file or the new one.
/// The temporary file is deleted when the writer fails (an <see cref="OperationCanceledException"/> from a
/// cancelled writer included), and also when the process exits while a write is still pending (a tool
/// stopped by a signal), so no stray temporary file is left behind.
/// <para>
/// A symbolic link is followed: its final target is written (atomically) and the link stays. An existing
/// target keeps its permissions and, where the process may set it (root), its owner. A target that is not
/// a regular file (a device such as <c>/dev/null</c> or <c>/dev/stdout</c>, a FIFO) is written directly:
/// renaming over it would replace the device with a file. Temporary files of ours that a killed process
/// left behind (older than <see cref="StaleAge"/>, their process gone) are removed by the next write into
/// the same directory.
/// </para>
/// </summary>
public static class AtomicFile
{
    static readonly ConcurrentDictionary<string, byte> Pending = new();
    static readonly ConcurrentDictionary<string, byte> Swept = new();

    /// <summary>How old a temporary file left by a dead process must be before a later write removes it.</summary>
    public static readonly TimeSpan StaleAge = TimeSpan.FromHours(1);

    static AtomicFile() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeletePending();

    /// <summary>Writes through <paramref name="write"/> into a temporary file, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var staged = Stage(path, write);
        staged.Commit();
    }

    /// <summary>
    /// For writers that can only save to a path (a plotting library's <c>SavePng(path)</c>, say):
    /// <paramref name="writeToPath"/> receives the temporary path, which keeps the target's extension, and
    /// the file it leaves there is renamed to <paramref name="path"/>.
    /// </summary>
    public static void WriteThroughPath(string path, Action<string> writeToPath)
    {
        using var staged = StageThroughPath(path, writeToPath);
        staged.Commit();
    }

    /// <summary>
    /// The first half of <see cref="Write"/>: the content is written to the temporary file, which
    /// <see cref="StagedFile.Commit"/> renames over the target and disposing without a commit deletes. Several
    /// outputs staged first and committed together leave every old file in place when any of them fails.
    /// </summary>
    public static StagedFile Stage(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return StageThroughPath(path, file =>
        {
            var node = FileNode.Of(file);
            bool temporary = !node.Exists;
            // A device or pipe is opened as it is; stdout redirected to a file (/dev/stdout) is appended to,
            // as the shell's own writes would be.
            using var s = temporary ? new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16)
                : new FileStream(file, node.Regular ? FileMode.Append : FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
            write(s);
            s.Flush(flushToDisk: temporary);   // a device or a pipe cannot be synced
        });
    }

    /// <summary>The first half of <see cref="WriteThroughPath"/> (see <see cref="Stage"/>).</summary>
    public static StagedFile StageThroughPath(string path, Action<string> writeToPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(writeToPath);
        if (WritesDirectly(path))
        {
            writeToPath(path);
            return new StagedFile(path, path, null, default);
        }
        string target = Target(path);
        var node = FileNode.Of(target);
        string dir = Path.GetDirectoryName(target)!;
        SweepStale(dir);
        string temp = Path.Combine(dir,
            $".{Path.GetFileNameWithoutExtension(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp{Path.GetExtension(target)}");
        Pending[temp] = 0;
        try
        {
            writeToPath(temp);
            return new StagedFile(path, target, temp, node);
        }
        catch
        {
            Release(temp);
            throw;
        }
    }

    /// <summary>The file a write to <paramref name="path"/> changes: the final target of a symbolic link, else the path itself.</summary>
    public static string Target(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;   // a link loop: the rename then fails with the system's own message
        }
    }

    /// <summary>True when <paramref name="path"/> names (through links) an existing device, FIFO or socket, which a write opens directly.</summary>
    public static bool WritesDirectly(string path)
    {
        // statx follows every link itself, the kernel's "magic" ones too: /dev/stdout -> /proc/self/fd/1 ->
        // "pipe:[123]" names no file that a path resolution could find. The descriptors under /dev and /proc
        // are the caller's streams even when they are regular files (stdout redirected to a file): never renamed over.
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return false;
        var node = FileNode.Of(full);
        return node.Exists && (!node.Regular || full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal));
    }

    /// <summary>A temporary file written and not yet renamed over its target; disposing it uncommitted deletes it.</summary>
    public sealed class StagedFile : IDisposable
    {
        readonly FileNode _existing;
        string? _temp;

        internal StagedFile(string path, string target, string? temp, FileNode existing)
        {
            Path = path;
            TargetPath = target;
            _temp = temp;
            _existing = existing;
            WrittenDirectly = temp is null;
        }

        /// <summary>The path the caller gave.</summary>
        public string Path { get; }

        /// <summary>The file that is replaced (the final target of a symbolic link).</summary>
        public string TargetPath { get; }

        /// <summary>True when the target is not a regular file and was written directly, with nothing to rename.</summary>
        public bool WrittenDirectly { get; }

        /// <summary>Renames the temporary file over the target, keeping an existing target's mode and (where allowed) owner.</summary>
        public void Commit()
        {
            if (_temp is null) return;
            if (_existing.Exists)
            {
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_temp, File.GetUnixFileMode(TargetPath));
                _existing.GiveOwnerTo(_temp);   // only root may; others keep their own ownership, as any editor does
            }
            File.Move(_temp, TargetPath, overwrite: true);
            Release(_temp);
            _temp = null;
        }

        /// <summary>Deletes the temporary file when it was not committed.</summary>
        public void Dispose()
        {
            if (_temp is null) return;
            Release(_temp);
            _temp = null;
        }
    }

    /// <summary>Deletes every temporary file this process has not committed yet (the exit path of a signal).</summary>
    public static void DeletePending()
    {
        foreach (var temp in Pending.Keys) TryDelete(temp);
    }

    static void Release(string temp)
    {
        TryDelete(temp);
        Pending.TryRemove(temp, out _);
    }

    /// <summary>
    /// Once per directory and process: removes our temporary files (".NAME.PID.GUID.tmp[.EXT]") older than
    /// <see cref="StaleAge"/> whose process is gone. SIGKILL leaves them behind; the age and the process id
    /// spare a write still running elsewhere.
    /// </summary>
    static void SweepStale(string dir)
    {
        if (!Swept.TryAdd(dir, 0)) return;
        try
        {
            foreach (var file in Directory.EnumerateFiles(dir, ".*.tmp*"))
            {
                var m = TempName.Match(System.IO.Path.GetFileName(file));
                if (!m.Success || int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == Environment.ProcessId) continue;
                if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < StaleAge) continue;
                if (OperatingSystem.IsLinux() && Directory.Exists($"/proc/{m.Groups[1].Value}")) continue;
                TryDelete(file);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    static readonly System.Text.RegularExpressions.Regex TempName =
        new(@"^\..*\.(\d{1,10})\.[0-9a-f]{32}\.tmp(\.[^.]*)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

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
