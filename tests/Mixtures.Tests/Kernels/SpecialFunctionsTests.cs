using Mixtures.Internal;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Kernels;

/// <summary>ln Gamma and digamma against exact identities and values (Python's math.lgamma for ln Gamma).</summary>
public class SpecialFunctionsTests
{
    const double EulerGamma = 0.57721566490153286061;

    [Theory]
    [InlineData(0.01, 4.599479878042022)]
    [InlineData(0.5, 0.5723649429247001)]   // ln sqrt(pi)
    [InlineData(2.5, 0.2846828704729192)]
    [InlineData(10, 12.801827480081469)]     // ln 9!
    [InlineData(100, 359.1342053695754)]
    [InlineData(1234.5, 7550.550901077896)]
    public void LnGamma_MatchesKnownValues(double x, double expected) =>
        Approx.Equal(expected, SpecialFunctions.LnGamma(x), 2e-15, $"lnGamma({x})", atol: 5e-15);   // absolute near the zeros at 1 and 2: the shift subtracts ln of a product

    [Fact]
    public void LnGamma_IsZeroAtOneAndTwo()
    {
        Assert.True(Math.Abs(SpecialFunctions.LnGamma(1)) < 1e-14);
        Assert.True(Math.Abs(SpecialFunctions.LnGamma(2)) < 1e-14);
    }

    /// <summary>psi(n) = -gamma + H_{n-1}; psi(n + 1/2) = -gamma - 2 ln 2 + sum_{k=1}^{n} 2 / (2k - 1).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(250)]
    public void Digamma_MatchesHarmonicIdentities(int n)
    {
        double harmonic = 0, odd = 0;
        for (int k = 1; k < n; k++) harmonic += 1.0 / k;
        for (int k = 1; k <= n; k++) odd += 2.0 / (2 * k - 1);
        Approx.Equal(-EulerGamma + harmonic, SpecialFunctions.Digamma(n), 1e-14, $"psi({n})", atol: 1e-15);
        Approx.Equal(-EulerGamma - 2 * Math.Log(2) + odd, SpecialFunctions.Digamma(n + 0.5), 1e-14, $"psi({n}.5)", atol: 1e-15);
    }

    [Fact]
    public void Digamma_OfSmallArguments_FollowsTheRecurrence() =>
        Approx.Equal(SpecialFunctions.Digamma(1.01) - 1 / 0.01, SpecialFunctions.Digamma(0.01), 1e-15, "psi(0.01)");

    [Fact]
    public void NonPositiveArguments_AreNaN()
    {
        Assert.True(double.IsNaN(SpecialFunctions.LnGamma(0)));
        Assert.True(double.IsNaN(SpecialFunctions.Digamma(-1)));
    }
}
