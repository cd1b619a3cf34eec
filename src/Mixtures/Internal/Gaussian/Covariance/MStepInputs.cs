namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// What a covariance model's M-step reads: the merged statistics (centred on <see cref="GaussianStatistics.Shift"/>),
/// N_k (with scikit-learn's 10 eps added), their sum, the new means, delta = new mean - shift, the data's
/// mean and scatter (when the model asked for it) and reg_covar. A model that carries state from one M-step
/// to the next (mclust's VEI, VEV, EVE, VVE) reads the previous M-step's <see cref="State"/> (null at the first
/// M-step of a run) and replaces it; it lives in the parameters, so each run and thread has its own. A model
/// that follows mclust's failure rules lists what fired in <see cref="Failures"/>.
/// </summary>
internal sealed record MStepInputs(
    GaussianStatistics Statistics, double[] Nk, double NSum, double[] Means, double[] Delta,
    double[] DataMean, double[] DataScatter, double Reg, int K, int D)
{
    /// <summary>
    /// The lower triangle of component c's weighted scatter about its new mean, divided by N_k, mirrored to a
    /// full matrix: sum r (x - m)(x - m)^T = Q - delta A^T - A delta^T + R delta delta^T. No reg_covar.
    /// </summary>
    public void WithinScatter(int c, Span<double> output) => Scatter(c, output, Nk[c]);

    /// <summary>Component c's scatter W_k = sum r (x - m)(x - m)^T about its new mean, not divided (mclust's M-steps start from it).</summary>
    public void Scatter(int c, Span<double> output) => Scatter(c, output, 1);

    /// <summary>W_k's diagonal entry j (for models whose statistics hold only the diagonal moments).</summary>
    public double ScatterDiagonal(int c, int j)
    {
        int i = c * D + j;
        return Statistics.Q[i] - 2 * Delta[i] * Statistics.A[i] + Statistics.R[c] * Delta[i] * Delta[i];
    }

    /// <summary>The previous M-step's model state on entry (null at a run's first M-step); the model sets the new one.</summary>
    public object? State { get; set; }

    /// <summary>mclust's failure rules that fired: component (-1: shared) and the rule.</summary>
    public List<(int Component, string Rule)> Failures { get; } = [];

    void Scatter(int c, Span<double> output, double n)
    {
        int d = D;
        var q = Statistics.Q.AsSpan(c * d * d, d * d);
        var a = Statistics.A.AsSpan(c * d, d);
        var dl = Delta.AsSpan(c * d, d);
        double r = Statistics.R[c];
        for (int i = 0; i < d; i++)
        {
            // Whole-matrix work of a large D (1e8 entries at D = 10000): a signal must not wait for it.
            if ((i & 63) == 63) FitCancellation.ThrowIfRequested();
            for (int j = 0; j <= i; j++)
            {
                double v = (q[i * d + j] - dl[i] * a[j] - a[i] * dl[j] + r * dl[i] * dl[j]) / n;
                output[i * d + j] = v;
                output[j * d + i] = v;
            }
        }
    }

    /// <summary>Component c's variance along feature j about its new mean, plus reg_covar.</summary>
    public double Variance(int c, int j) => ScatterDiagonal(c, j) / Nk[c] + Reg;
}
