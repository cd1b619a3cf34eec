using System.Text.Json;
using Mixtures.Cli.Tests.Infrastructure;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>What a new user stumbled on: 1-D select fits coinciding types once; messages name CLI flags.</summary>
public class FrictionTests
{
    [Fact]
    public void SelectOnOneFeature_FitsCoincidingTypesOnce_AndSaysSo()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "select", Fixtures.Data("line1d.csv"), "--k", "1..3", "--json");
        Assert.True(r.ExitCode == 0, r.ToString());
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        var types = json.GetProperty("results").EnumerateArray().Select(e => e.GetProperty("covariance_type").GetString()).Distinct().ToList();
        Assert.Equal(["full", "tied"], types);
        Assert.Equal("with one feature, full, diag, spherical are the same model; fitted once as 'full'.", json.GetProperty("note").GetString());

        var text = Tool.Run(dir.Path, "select", Fixtures.Data("line1d.csv"), "--k", "1..2", "--covariance-types", "spherical,diag");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("diag are the same model; fitted once as 'spherical'", text.Stdout);
    }

    [Fact]
    public void NonBinaryBernoulliData_NamesTheBinarizeFlag_NotTheLibraryProperty()
    {
        using var dir = new TempDir();
        var r = Tool.Run(dir.Path, "fit", Fixtures.Faithful, "--family", "bernoulli", "-k", "2");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("(--binarize: values >= it become 1)", r.Stderr);
        Assert.DoesNotContain("BinarizeThreshold", r.Stderr);
    }
}
