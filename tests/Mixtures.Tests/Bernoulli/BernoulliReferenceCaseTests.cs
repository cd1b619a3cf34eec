using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Bernoulli;

/// <summary>Every Bernoulli case of shared/reference, reproduced number for number.</summary>
public class BernoulliReferenceCaseTests
{
    public static TheoryData<string> Cases() => new(Fixtures.CaseNames(c => MeanCases.IsFamily(c, "bernoulli")));

    [Fact]
    public void Fixtures_HoldBernoulliCases() => Assert.NotEmpty(Cases());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_FromReferenceInit_ReproducesNumpyEm(string name)
    {
        var c = Fixtures.Case(name);
        var x = Fixtures.Data(c.GetProperty("data").GetString()!);
        var model = new BernoulliMixture(MeanCases.BernoulliOptions(c)).Fit(x);
        Assert.Equal("bernoulli", model.Family);
        MeanCases.AssertMatches(c, model, x, model.TrainingBic);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_OnOneOrManyThreads_IsBitIdentical(string name)
    {
        var c = Fixtures.Case(name);
        var x = Fixtures.Data(c.GetProperty("data").GetString()!);
        var options = MeanCases.BernoulliOptions(c) with { MaxIterations = 10 };
        var one = new BernoulliMixture(options with { MaxDegreeOfParallelism = 1 }).Fit(x);
        var many = new BernoulliMixture(options with { MaxDegreeOfParallelism = 8 }).Fit(x);
        Assert.Equal(one.LowerBoundHistory, many.LowerBoundHistory);
        Assert.Equal(one.Means, many.Means);
    }
}
