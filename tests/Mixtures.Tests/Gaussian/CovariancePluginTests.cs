using Mixtures.Internal.Gaussian.Covariance;
using Mixtures.Serialization;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Gaussian;

/// <summary>
/// A covariance model that exists only in this file plugs into the library through the registry alone:
/// <see cref="GaussianMixture"/> fits it, the model file round-trips it, and nothing else is touched.
/// </summary>
public class CovariancePluginTests
{
    /// <summary>Every component has the identity covariance: only weights and means are estimated.</summary>
    sealed class FixedIdentity() : TriangularCovariance(perComponent: false)
    {
        public static readonly CovarianceType Key = (CovarianceType)1000;
        public override CovarianceType Type => Key;
        public override string Name => "fixed_identity";
        public override int ParameterCount(int k, int d) => 0;
        public override (int Matrices, int Rows, int Columns) PrecisionsInitShape(int k, int d) => (1, d, d);
        public override MomentShape Moments => MomentShape.None;
        public override bool NeedsDataScatter => false;

        public override void Estimate(MStepInputs inputs, Span<double> covariances)
        {
            int d = inputs.D;
            covariances[..(d * d)].Clear();
            for (int j = 0; j < d; j++) covariances[j * d + j] = 1;
        }

        public override void Reseed(Span<double> covariances, int c, int d, ReadOnlySpan<double> variances) { }

        public override void FromFull(ReadOnlySpan<double> full, Span<double> covariances, int k, int d) => full[..(d * d)].CopyTo(covariances);
    }

    static readonly Lazy<CovarianceType> Registered = new(() =>
    {
        CovarianceModels.Register(new FixedIdentity());
        return FixedIdentity.Key;
    });

    static double[,] TwoBlobs(int n, int seed)
    {
        var rng = new Random(seed);
        var x = new double[n, 2];
        for (int i = 0; i < n; i++)
        {
            double cx = i % 3 == 0 ? 6 : -2;
            x[i, 0] = cx + Synthetic.Normal(rng);
            x[i, 1] = -cx / 2 + Synthetic.Normal(rng);
        }
        return x;
    }

    [Fact]
    public void TestOnlyModel_FitsThroughGaussianMixture()
    {
        var type = Registered.Value;
        var x = TwoBlobs(600, 3);
        var model = new GaussianMixture(new GaussianMixtureOptions { Components = 2, CovarianceType = type, Seed = 1, Tolerance = 1e-8 }).Fit(x);

        Assert.Equal(type, model.CovarianceType);
        Assert.True(model.Converged);
        Assert.Equal(2 * 2 + 1, model.ParameterCount);   // means and one free weight; no covariance parameter
        var cov = model.Covariances;
        for (int c = 0; c < 2; c++)
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++) Assert.Equal(i == j ? 1.0 : 0.0, cov[c, i, j]);

        // With unit covariances the E-step is exact and easy to write out: the score is the mixture's mean log-density.
        var w = model.Weights;
        var mu = model.Means;
        double expected = 0;
        for (int i = 0; i < x.GetLength(0); i++)
        {
            double p = 0;
            for (int c = 0; c < 2; c++)
            {
                double dx = x[i, 0] - mu[c, 0], dy = x[i, 1] - mu[c, 1];
                p += w[c] * Math.Exp(-0.5 * (dx * dx + dy * dy)) / (2 * Math.PI);
            }
            expected += Math.Log(p);
        }
        Approx.Equal(expected / x.GetLength(0), model.Score(x), 1e-12, "score");

        // The fit found the two blobs (a third of the points around (6, -3), the rest around (-2, 1)).
        int big = w[0] > w[1] ? 0 : 1;
        Approx.Equal(2.0 / 3, w[big], 0.05, "weight of the larger blob");
        Assert.InRange(mu[big, 0], -2.3, -1.7);
        Assert.InRange(mu[1 - big, 0], 5.7, 6.3);
    }

    [Fact]
    public void TestOnlyModel_RoundTripsThroughTheModelFile()
    {
        var type = Registered.Value;
        var x = TwoBlobs(300, 4);
        var model = new GaussianMixture(new GaussianMixtureOptions { Components = 2, CovarianceType = type, Seed = 2 }).Fit(x);

        string json = MixtureModelJson.ToJson(model);
        Assert.Contains("\"covariance_type\": \"fixed_identity\"", json);
        var again = Assert.IsType<GaussianMixtureModel>(MixtureModelJson.FromJson(json));
        Assert.Equal(type, again.CovarianceType);
        Assert.Equal(json, MixtureModelJson.ToJson(again));
        Assert.Equal(model.ScoreSamples(x), again.ScoreSamples(x));
        Assert.Contains("fixed_identity", CovarianceTypes.Names);
        Assert.True(CovarianceTypes.TryParse("fixed_identity", out var parsed) && parsed == type);
    }
}
