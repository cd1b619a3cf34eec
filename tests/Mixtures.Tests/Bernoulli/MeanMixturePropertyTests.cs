using CsCheck;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Bernoulli;

/// <summary>EM invariants of the Bernoulli and Poisson mixtures on generated data (CsCheck shrinks failures).</summary>
public class MeanMixturePropertyTests
{
    /// <summary>N rows of D features drawn from K random prototypes: binary (Bernoulli) or counts (Poisson).</summary>
    static Gen<(double[,] X, int K, bool Counts)> Problems =>
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 12], Gen.Int[0, 1_000_000], Gen.Bool).Select((k, d, seed, counts) =>
        {
            var rng = new Random(seed);
            int n = rng.Next(4 * k + 8, 120);
            var p = new double[k, d];
            for (int c = 0; c < k; c++)
                for (int j = 0; j < d; j++) p[c, j] = counts ? rng.NextDouble() * 12 : rng.NextDouble();
            var x = new double[n, d];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < d; j++)
                {
                    double v = p[i % k, j];
                    x[i, j] = counts ? Math.Floor(v * rng.NextDouble() * 2) : rng.NextDouble() < v ? 1 : 0;
                }
            return (x, k, counts);
        });

    static IMixtureModel Fit((double[,] X, int K, bool Counts) p, int maxIter, double tol, InitMethod init, bool maximumLikelihood = false) => p.Counts
        ? new PoissonMixture(new() { Components = p.K, MaxIterations = maxIter, Tolerance = tol, Seed = 1, Init = init, MinRate = maximumLikelihood ? 0 : 1e-6 }).Fit(p.X)
        : new BernoulliMixture(new() { Components = p.K, MaxIterations = maxIter, Tolerance = tol, Seed = 1, Init = init, Alpha = maximumLikelihood ? 0 : 0.01 }).Fit(p.X);

    static bool Fittable((double[,] X, int K, bool Counts) p)
    {
        var rows = new HashSet<string>();
        for (int i = 0; i < p.X.GetLength(0); i++)
            rows.Add(string.Join(",", Enumerable.Range(0, p.X.GetLength(1)).Select(j => p.X[i, j])));
        return rows.Count >= p.K;
    }

    [Fact]
    public void PredictProba_RowsSumToOne()
    {
        Problems.Where(Fittable).Sample(p =>
        {
            var model = Fit(p, 10, 1e-3, InitMethod.KMeans);
            Approx.Probabilities(model.PredictProba(p.X));
        }, iter: 80);
    }

    /// <summary>
    /// EM never lowers the likelihood of a maximum-likelihood M-step (Alpha = 0, MinRate = 0). With smoothing
    /// the Bernoulli M-step is a MAP step (Beta prior), which raises likelihood + log prior instead, so the
    /// likelihood alone may dip slightly; that is expected and not tested here.
    /// </summary>
    [Fact]
    public void LowerBound_NeverDecreases_WithMaximumLikelihoodSteps()
    {
        Problems.Where(Fittable).Sample(p =>
        {
            var model = Fit(p, 40, 0, InitMethod.Random, maximumLikelihood: true);
            if (model.Reseeds > 0) return;
            var h = model.LowerBoundHistory;
            for (int i = 1; i < h.Length; i++)
                Assert.True(h[i] >= h[i - 1] - 1e-9 * (1 + Math.Abs(h[i - 1])), $"lower bound fell at iteration {i + 1}: {h[i - 1]:R} -> {h[i]:R}");
        }, iter: 80);
    }

    [Fact]
    public void Score_AfterFit_IsAtLeastLastLowerBound()
    {
        Problems.Where(Fittable).Sample(p =>
        {
            var model = Fit(p, 25, 0, InitMethod.KMeansPlusPlus, maximumLikelihood: true);
            if (model.Reseeds > 0) return;
            Assert.True(model.Score(p.X) >= model.LowerBound - 1e-9 * (1 + Math.Abs(model.LowerBound)));
        }, iter: 60);
    }
}
