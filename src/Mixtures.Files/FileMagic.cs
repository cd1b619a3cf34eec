namespace Mixtures.Files;

/// <summary>What a file's first bytes say it is.</summary>
public enum FileKind
{
    /// <summary>None of the formats below.</summary>
    Unknown,
    /// <summary>NumPy .npy (\x93NUMPY).</summary>
    Npy,
    /// <summary>Parquet (PAR1 at both ends).</summary>
    Parquet,
    /// <summary>Arrow IPC file / Feather v2 (ARROW1).</summary>
    Arrow,
    /// <summary>Arrow IPC stream (a continuation marker 0xFFFFFFFF, then the schema message).</summary>
    ArrowStream,
    /// <summary>gzip (1F 8B).</summary>
    Gzip,
    /// <summary>zip (PK\x03\x04).</summary>
    Zip,
    /// <summary>zstd (28 B5 2F FD).</summary>
    Zstd,
    /// <summary>bzip2 (BZh).</summary>
    Bzip2,
    /// <summary>xz (FD 37 7A 58 5A 00).</summary>
    Xz,
}

/// <summary>Reads a file's magic number, so that a file whose content does not match its extension is named for what it is.</summary>
public static class FileMagic
{
    /// <summary>The kind of the file at <paramref name="path"/> by its first bytes.</summary>
    public static FileKind Sniff(string path)
    {
        Span<byte> head = stackalloc byte[8];
        int n;
        using (var f = File.OpenHandle(path))
            n = RandomAccess.Read(f, head, 0);
        return Sniff(head[..n]);
    }

    /// <summary>The kind of a file that starts with <paramref name="head"/> (8 bytes are enough).</summary>
    public static FileKind Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' })) return FileKind.Npy;
        if (head.StartsWith("PAR1"u8)) return FileKind.Parquet;
        if (head.StartsWith("ARROW1"u8)) return FileKind.Arrow;
        if (head.Length >= 8 && head[..4].SequenceEqual(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF })) return FileKind.ArrowStream;
        if (head.StartsWith(new byte[] { 0x1F, 0x8B })) return FileKind.Gzip;
        if (head.StartsWith("PK\x03\x04"u8)) return FileKind.Zip;
        if (head.StartsWith(new byte[] { 0x28, 0xB5, 0x2F, 0xFD })) return FileKind.Zstd;
        if (head.StartsWith("BZh"u8)) return FileKind.Bzip2;
        if (head.StartsWith(new byte[] { 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00 })) return FileKind.Xz;
        return FileKind.Unknown;
    }

    /// <summary>Whether the kind is a compressed container (gzip, zip, zstd, bzip2, xz).</summary>
    public static bool IsCompressed(FileKind kind) => kind is FileKind.Gzip or FileKind.Zip or FileKind.Zstd or FileKind.Bzip2 or FileKind.Xz;

    /// <summary>A short name for messages.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Npy => "NumPy .npy",
        FileKind.Parquet => "Parquet",
        FileKind.Arrow => "Arrow IPC file",
        FileKind.ArrowStream => "an Arrow IPC stream",
        FileKind.Gzip => "gzip-compressed data",
        FileKind.Zip => "a zip archive",
        FileKind.Zstd => "zstd-compressed data",
        FileKind.Bzip2 => "bzip2-compressed data",
        FileKind.Xz => "xz-compressed data",
        _ => "an unknown format",
    };
}
