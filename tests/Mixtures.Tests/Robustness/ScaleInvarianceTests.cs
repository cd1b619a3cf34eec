using Mixtures.Internal;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Robustness;

/// <summary>
/// Scaling the data by s (and reg_covar by s^2) or shifting it gives the transformed parameters of the
/// original fit: no overflow, underflow or cancellation in the numerics.
/// </summary>
public class ScaleInvarianceTests
{
    public static TheoryData<string, double, double> Transforms()
    {
        var data = new TheoryData<string, double, double>();
        foreach (var name in new[] { "faithful_full_k2_it100", "faithful_tied_k3_it25", "faithful_diag_k3_it25", "faithful_spherical_k2_it100", "iris_full_k3_it100" })
        {
            data.Add(name, 1e-150, 0);
            data.Add(name, 1e150, 0);
            data.Add(name, 1, 1e8);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Transforms))]
    public void Fit_OfScaledOrShiftedData_GivesTransformedParameters(string name, double scale, double shift)
    {
        var c = Fixtures.Case(name);
        var x = Fixtures.Data(c.GetProperty("data").GetString()!);
        var options = Fixtures.Options(c);
        var reference = new GaussianMixture(options).Fit(x);

        var y = Synthetic.Map(x, v => v * scale + shift);
        var prec = options.InitialPrecisions!.Select(m => Synthetic.Map(m, v => v / (scale * scale))).ToArray();
        var means = Synthetic.Map(options.InitialMeans!, v => v * scale + shift);
        var transformed = new GaussianMixture(options with
        {
            RegCovar = options.RegCovar * scale * scale, InitialMeans = means, InitialPrecisions = prec,
        }).Fit(y);

        Assert.Equal(reference.Iterations, transformed.Iterations);
        Approx.Equal(reference.Weights, transformed.Weights, 1e-6, "weights");
        var expectedMeans = MatrixSpan.Flat(reference.Means).ToArray().Select(v => v * scale + shift).ToArray();
        Approx.Equal(expectedMeans, MatrixSpan.Flat(transformed.Means), 1e-6, "means");
        Approx.Equal(reference.CovariancesRaw.Select(v => v * scale * scale).ToArray(), transformed.CovariancesRaw, 1e-6, "covariances");
        Assert.Equal(reference.Predict(x), transformed.Predict(y));
        // Log-likelihoods shift by -D ln s per sample.
        Approx.Equal(reference.LowerBound - x.GetLength(1) * Math.Log(scale), transformed.LowerBound, 1e-6, "lower bound");
    }
}
