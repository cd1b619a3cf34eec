using System.Diagnostics;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>
/// Output files (issue 17, items 4-6): links, devices, FIFOs, stdout, modes and owners, up-front checks,
/// and several outputs replaced together or not at all.
/// </summary>
public class OutputFileTests
{
    static string[] Fit(string output, params string[] more) => ["fit", Fixtures.Faithful, "-k", "2", "--seed", "0", "-q", "-o", output, .. more];

    [UnixFact]
    public void Symlink_TargetIsReplaced_LinkStays_ModeAndOwnerKept()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        using var dir = new TempDir();
        var target = dir.Write("real.json", "old");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        bool root = Environment.UserName == "root";
        if (root) Run("chown", "1234:1234", target);
        File.CreateSymbolicLink(dir.File("latest.json"), "real.json");
        var r = Tool.Run(dir.Path, Fit("latest.json"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.NotNull(new FileInfo(dir.File("latest.json")).LinkTarget);
        Assert.Contains("\"n_components\": 2", File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        if (root) Assert.Equal("1234:1234", Run("stat", "-c", "%u:%g", target).Trim());
    }

    [UnixFact]
    public void Fifo_IsWrittenDirectly_NotReplaced()
    {
        using var dir = new TempDir();
        var fifo = dir.File("pipe");
        Run("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var r = Tool.Run(dir.Path, Fit(fifo));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("\"n_components\": 2", reader.Result);
        Assert.Equal("fifo", Run("stat", "-c", "%F", fifo).Trim());
        Assert.Single(dir.Files());
    }

    [UnixFact]
    public void DevStdout_AndDash_WriteToStdout()
    {
        using var dir = new TempDir();
        foreach (var o in new[] { "/dev/stdout", "-" })
        {
            var r = Tool.Run(dir.Path, Fit(o));
            Assert.True(r.ExitCode == 0, r.ToString());
            Assert.StartsWith("{", r.Stdout.TrimStart());
            Assert.Contains("\"n_components\": 2", r.Stdout);
        }
        var predict = Tool.Run(dir.Path, "predict", Fixtures.Data("faithful.csv"), Fixtures.Faithful, "-o", "-");
        Assert.Equal(2, predict.ExitCode);   // the model argument is not a model: the point is that -o - parses
        var both = Tool.Run(dir.Path, Fit("-", "--json"));
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("stdout", both.Stderr);
        Assert.Empty(dir.Files());
    }

    [UnixFact]
    public void DevNull_StaysADevice()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, Fit("/dev/null"));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal("character special file", Run("stat", "-c", "%F", "/dev/null").Trim());
    }

    /// <summary>An unwritable directory is found before the fit, and the message names the user's path, not a temporary file.</summary>
    [UnixFact]
    public void UnwritableDirectory_IsRefusedUpFront_NamingThePath()
    {
        using var dir = new TempDir();
        var data = Signals.WriteBlobs(dir.File("mid.npy"), 200_000, 16);
        var clock = Stopwatch.StartNew();
        // /proc takes no new file even for root, who ignores permission bits.
        var r = Tool.Run(dir.Path, "fit", data, "-k", "16", "--max-iter", "50", "-o", "/proc/new.json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("-o /proc/new.json: cannot create a file in '/proc'", r.Stderr);
        Assert.DoesNotContain(".tmp", r.Stderr);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }

    /// <summary>When the last output fails, the earlier ones are not replaced either.</summary>
    [UnixFact]
    public void FailingLastOutput_LeavesTheEarlierOnes()
    {
        using var dir = new TempDir();
        var model = dir.Write("model.json", "old");
        // The picture goes through a link to /dev/full: written directly (a device), it fails with "no space"
        // after the model was staged, and the model must not have been replaced.
        File.CreateSymbolicLink(dir.File("curve.png"), "/dev/full");
        var r = Tool.Run(dir.Path, Fit(model, "--history", dir.File("curve.png")));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("space", r.Stderr);
        Assert.Equal("old", File.ReadAllText(model));
        Assert.Equal(2, dir.Files().Length);
    }

    [UnixFact]
    public void StaleTemporaryOfADeadProcess_IsRemovedByTheNextWrite()
    {
        using var dir = new TempDir();
        var stale = dir.Write($".model.{int.MaxValue - 7}.{Guid.NewGuid():N}.tmp.json", "partial");
        var fresh = dir.Write($".model.{int.MaxValue - 7}.{Guid.NewGuid():N}.tmp.json", "partial");
        var other = dir.Write(".notes.tmp", "mine");
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-2));
        var r = Tool.Run(dir.Path, Fit(dir.File("model.json")));
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));   // younger than an hour: it may belong to a write still running
        Assert.True(File.Exists(other));   // not ours
    }

    static string Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return text;
    }
}
