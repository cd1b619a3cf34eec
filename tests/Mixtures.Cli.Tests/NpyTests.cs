using System.Globalization;
using System.Text;
using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>NumPy .npy input: float64 and float32 in C order give the CSV's fit; other layouts are rejected clearly.</summary>
public class NpyTests
{
    private static double[][] Faithful() =>
        File.ReadAllLines(Fixtures.Faithful).Skip(1)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    internal static byte[] Npy(double[][] rows, string descr = "<f8", bool fortran = false)
    {
        int d = rows[0].Length;
        var header = $"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': ({rows.Length}, {d}), }}";
        int total = 10 + header.Length + 1;
        header += new string(' ', (64 - total % 64) % 64) + "\n";
        var ms = new MemoryStream();
        ms.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        ms.Write(BitConverter.GetBytes((ushort)header.Length));
        ms.Write(Encoding.ASCII.GetBytes(header));
        foreach (var row in rows)
            foreach (var v in row)
            {
                if (descr == "<f4") ms.Write(BitConverter.GetBytes((float)v));
                else ms.Write(BitConverter.GetBytes(v));
            }
        return ms.ToArray();
    }

    private static double[] Means(string stdout)
    {
        using var doc = JsonDocument.Parse(stdout);
        return ReferenceCaseTests.Flatten(doc.RootElement.GetProperty("means"));
    }

    [Fact]
    public void Float64Npy_FitsLikeTheCsv()
    {
        using var dir = new TempDir();
        var npy = dir.File("faithful.npy");
        File.WriteAllBytes(npy, Npy(Faithful()));
        var fromNpy = Tool.Run(dir.Path, "fit", npy, "-k", "2", "--seed", "1", "--json");
        var fromCsv = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "-k", "2", "--seed", "1", "--json");
        Assert.True(fromNpy.ExitCode == 0, fromNpy.ToString());
        ReferenceCaseTests.AssertClose(Means(fromCsv.Stdout), Means(fromNpy.Stdout), "means", 1e-12);
        using var doc = JsonDocument.Parse(fromNpy.Stdout);
        Assert.Equal("x1", doc.RootElement.GetProperty("feature_names")[1].GetString());
    }

    [Fact]
    public void Float32Npy_IsRead()
    {
        using var dir = new TempDir();
        var npy = dir.File("faithful32.npy");
        File.WriteAllBytes(npy, Npy(Faithful(), "<f4"));
        var r = Tool.Run(dir.Path, "fit", npy, "-k", "2", "--seed", "1", "--json", "--columns", "x1");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(2, Means(r.Stdout).Length);
    }

    [Theory]
    [InlineData("<i8", false, "dtype")]
    [InlineData("<f8", true, "Fortran")]
    public void UnsupportedLayout_IsBadInput(string descr, bool fortran, string fragment)
    {
        using var dir = new TempDir();
        var npy = dir.File("bad.npy");
        File.WriteAllBytes(npy, Npy([[1.0, 2.0], [3.0, 4.0]], descr, fortran));
        var r = Tool.Run(dir.Path, "fit", npy, "-k", "1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.npy", r.Stderr);
        Assert.Contains(fragment, r.Stderr);
    }

    [Fact]
    public void TruncatedOrForeignNpy_IsBadInput()
    {
        using var dir = new TempDir();
        var bytes = Npy(Faithful());
        File.WriteAllBytes(dir.File("short.npy"), bytes[..(bytes.Length - 100)]);
        File.WriteAllText(dir.File("text.npy"), "eruptions,waiting\n1,2\n");
        var r1 = Tool.Run(dir.Path, "fit", dir.File("short.npy"), "-k", "1");
        var r2 = Tool.Run(dir.Path, "fit", dir.File("text.npy"), "-k", "1");
        Assert.Equal(2, r1.ExitCode);
        Assert.Contains("truncated", r1.Stderr);
        Assert.Equal(2, r2.ExitCode);
        Assert.Contains("not a NumPy .npy file", r2.Stderr);
    }
}
