namespace Mixtures.Cli.Io;

/// <summary>
/// Checks an output path before any work, so that a long fit is not wasted on a file that cannot be
/// written. The write itself is the library's <see cref="Mixtures.Serialization.AtomicFile"/>.
/// </summary>
internal static class OutputPath
{
    /// <summary>The output's directory must exist, and the output must not be a directory.</summary>
    public static void Require(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null && !Directory.Exists(dir))
            throw new CliException($"{path}: the directory '{dir}' does not exist.");
        if (Directory.Exists(path))
            throw new CliException($"{path}: is a directory; give a file name.");
    }
}
