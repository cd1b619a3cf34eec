using Mixtures.Cli.Families;
using Mixtures.Cli.Io;
using Xunit;

namespace Mixtures.Cli.Tests;

/// <summary>The family registry and the covariance-type layouts the CLI reads from the library, tested directly.</summary>
public class FamilyRegistryTests
{
    [Fact]
    public void FamilyOption_IsBuiltFromTheRegistry_AsItAlwaysRead()
    {
        var option = FamilyRegistry.CreateOption();
        Assert.Equal("Mixture family: gaussian, bernoulli (0/1 data) or poisson (non-negative integer counts).", option.Description);
        Assert.Equal("gaussian", FamilyRegistry.Default.Name);
        Assert.Equal("gaussian", FamilyRegistry.WithCovarianceTypes);
    }

    [Fact]
    public void EveryLibraryFamily_IsFoundByItsModels()
    {
        IMixtureModel[] models =
        [
            GaussianMixtureModel.FromParameters(CovarianceType.Diag, [1.0], new double[1, 1], new double[1, 1, 1] { { { 1 } } }),
            BernoulliMixtureModel.FromParameters([1.0], new double[1, 1] { { 0.5 } }),
            new PoissonMixture(new PoissonMixtureOptions { Seed = 0 }).InitialModel(new double[,] { { 1 }, { 2 } }),
        ];
        Assert.Equal(FamilyRegistry.All.Select(f => f.Name), models.Select(m => FamilyRegistry.Of(m).Name));
        Assert.Equal(["diag", null, null], models.Select(m => FamilyRegistry.Of(m).CovarianceTypeName(m)));
    }

    [Theory]
    [InlineData(CovarianceType.Full, "K x D x D")]
    [InlineData(CovarianceType.Tied, "D x D")]
    [InlineData(CovarianceType.Diag, "K x D")]
    [InlineData(CovarianceType.Spherical, "K")]
    public void PrecisionLayout_NamesScikitLearnsShapes(CovarianceType type, string symbols) =>
        Assert.Equal(symbols, PrecisionLayout.Of(type).Symbols);

    [Fact]
    public void PrecisionLayout_TellsDiagFromTied_WhenKEqualsD()
    {
        // Two components, two features: one 2 x 2 matrix either way, read per row for diag and whole for tied.
        double[][,] p = [new double[,] { { 1, 2 }, { 3, 4 } }];
        Assert.Equal(new double[,] { { 3, 0 }, { 0, 4 } }, PrecisionLayout.Of(CovarianceType.Diag).FullPrecision(p, 1, 2));
        Assert.Equal(new double[,] { { 1, 2 }, { 3, 4 } }, PrecisionLayout.Of(CovarianceType.Tied).FullPrecision(p, 1, 2));
    }
}
