namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// What a covariance model's M-step reads: the merged statistics (centred on <see cref="GaussianStatistics.Shift"/>),
/// N_k (with scikit-learn's 10 eps added), their sum, the new means, delta = new mean - shift, the data's
/// mean and scatter (when the model asked for it) and reg_covar.
/// </summary>
internal sealed record MStepInputs(
    GaussianStatistics Statistics, double[] Nk, double NSum, double[] Means, double[] Delta,
    double[] DataMean, double[] DataScatter, double Reg, int K, int D)
{
    /// <summary>
    /// The lower triangle of component c's weighted scatter about its new mean, divided by N_k, mirrored to a
    /// full matrix: sum r (x - m)(x - m)^T = Q - delta A^T - A delta^T + R delta delta^T. No reg_covar.
    /// </summary>
    public void WithinScatter(int c, Span<double> output)
    {
        int d = D;
        var q = Statistics.Q.AsSpan(c * d * d, d * d);
        var a = Statistics.A.AsSpan(c * d, d);
        var dl = Delta.AsSpan(c * d, d);
        double r = Statistics.R[c], n = Nk[c];
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
            {
                double v = (q[i * d + j] - dl[i] * a[j] - a[i] * dl[j] + r * dl[i] * dl[j]) / n;
                output[i * d + j] = v;
                output[j * d + i] = v;
            }
    }

    /// <summary>Component c's variance along feature j about its new mean, plus reg_covar.</summary>
    public double Variance(int c, int j)
    {
        int i = c * D + j;
        return (Statistics.Q[i] - 2 * Delta[i] * Statistics.A[i] + Statistics.R[c] * Delta[i] * Delta[i]) / Nk[c] + Reg;
    }
}
