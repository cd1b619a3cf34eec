namespace Mixtures.Internal.Means;

/// <summary>
/// Immutable parameters shared in shape by the Bernoulli and Poisson families: weights [K] and
/// per-component means [K, D] (Bernoulli: success probabilities mu_kd; Poisson: rates lambda_kd).
/// The family tag keeps the two apart where a model is rebuilt from parameters.
/// </summary>
internal sealed class MeanParameters
{
    public MeanParameters(int k, int d, double[] weights, double[] means)
    {
        K = k;
        D = d;
        Weights = weights;
        Means = means;
    }

    public int K { get; }
    public int D { get; }
    public double[] Weights { get; }
    public double[] Means { get; }

    /// <summary>Free parameters: K D means and K - 1 weights.</summary>
    public static int ParameterCount(int k, int d) => k * d + k - 1;

    /// <summary>
    /// Draws n rows grouped by component: each feature independently from <paramref name="draw"/>
    /// (the generator and the component's mean for that feature).
    /// </summary>
    public MixtureSample Sample(int n, int? seed, Func<Random, double, double> draw)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The number of samples must be at least 1.");
        return SampleWindows.Collect(n, D, w => Draw(n, seed, draw, w));
    }

    /// <summary>n points in row order: component by component, each value drawn by <paramref name="draw"/> from its mean.</summary>
    public void Draw(int n, int? seed, Func<Random, double, double> draw, SampleWindows windows)
    {
        var sampler = new NormalSampler(new Random(seed ?? Random.Shared.Next()));
        var counts = sampler.Counts(n, Weights);
        for (int c = 0; c < K; c++)
            for (int i = 0; i < counts[c]; i++)
            {
                var row = windows.Next(c);
                for (int j = 0; j < D; j++) row[j] = draw(sampler.Random, Means[c * D + j]);
            }
    }
}
