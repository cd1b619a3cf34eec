using Mixtures.Tests.Bernoulli;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Poisson;

/// <summary>Every Poisson case of shared/reference, reproduced number for number.</summary>
public class PoissonReferenceCaseTests
{
    public static TheoryData<string> Cases() => new(Fixtures.CaseNames(c => MeanCases.IsFamily(c, "poisson")));

    [Fact]
    public void Fixtures_HoldPoissonCases() => Assert.NotEmpty(Cases());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_FromReferenceInit_ReproducesNumpyEm(string name)
    {
        var c = Fixtures.Case(name);
        var x = Fixtures.Data(c.GetProperty("data").GetString()!);
        var model = new PoissonMixture(MeanCases.PoissonOptions(c)).Fit(x);
        Assert.Equal("poisson", model.Family);
        MeanCases.AssertMatches(c, model, x, model.TrainingBic);
    }
}
