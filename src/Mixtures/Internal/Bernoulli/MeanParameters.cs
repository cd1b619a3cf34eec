namespace Mixtures.Internal.Bernoulli;

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
}
