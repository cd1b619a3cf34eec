using System.Runtime.InteropServices;

namespace Mixtures.Serialization;

/// <summary>
/// What an existing path is (a regular file or a device, FIFO or socket) and who owns it, from Linux's
/// statx: .NET reports neither the file type nor the owner. statx's layout is the same on every
/// architecture, unlike stat's, so one declaration serves x64 and arm64. Elsewhere every existing
/// file counts as regular and owners are not kept.
/// </summary>
internal readonly record struct FileNode(bool Exists, bool Regular, uint Uid, uint Gid)
{
    const int AtFdCwd = -100;
    const uint StatxBasicStats = 0x7ff;
    const int TypeMask = 0xF000, TypeRegular = 0x8000;

    /// <summary>The node at <paramref name="path"/>, following symbolic links.</summary>
    public static FileNode Of(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            try
            {
                if (Statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0) return default;
            }
            catch (EntryPointNotFoundException)
            {
                return Fallback(path);   // a C library older than glibc 2.28
            }
            int mode = BitConverter.ToUInt16(buffer, 28);
            return new FileNode(true, (mode & TypeMask) == TypeRegular, BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt32(buffer, 24));
        }
        return Fallback(path);
    }

    /// <summary>Gives <paramref name="path"/> this node's owner; false where that is not allowed (not root).</summary>
    public bool GiveOwnerTo(string path) => !OperatingSystem.IsLinux() || Chown(path, Uid, Gid) == 0;

    static FileNode Fallback(string path) => File.Exists(path) ? new FileNode(true, true, 0, 0)
        : Directory.Exists(path) ? new FileNode(true, false, 0, 0) : default;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "chown", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    static extern int Chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint uid, uint gid);
}
