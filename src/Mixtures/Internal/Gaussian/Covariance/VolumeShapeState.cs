namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// The volumes lambda_k and the common shape a that mclust's VEI and VEV carry from one M-step to the next
/// (immutable: each M-step makes a new one), and the inner iteration both run (Celeux and Govaert 1995):
/// alternately lambda_k from a, then a from lambda, on per-component values w_kj (VEI: the diagonal of W_k;
/// VEV: its eigenvalues, paired by rank).
/// </summary>
internal sealed record VolumeShapeState(double[] Volumes, double[] Shape)
{
    /// <summary>
    /// Iterates from this state until the largest relative change |old - new| / (1 + new) of any lambda_k or
    /// a_j falls below the tolerance. VEI continues while the change is above it, VEV while it is not below
    /// it (<paramref name="continueAtTolerance"/>), as mclust's Fortran does.
    /// </summary>
    public VolumeShapeState Iterate(ReadOnlySpan<double> w, ReadOnlySpan<double> nk, int k, int d,
        double tolerance, int maxIterations, bool continueAtTolerance)
    {
        var lambda = (double[])Volumes.Clone();
        var a = (double[])Shape.Clone();
        var next = new double[d];
        double e;
        int count = 0;
        do
        {
            count++;
            e = 0;
            for (int c = 0; c < k; c++)
            {
                double s = 0;
                for (int j = 0; j < d; j++) s += w[c * d + j] / a[j];
                double v = s / (d * nk[c]);
                e = Math.Max(e, Math.Abs(lambda[c] - v) / (1 + v));
                lambda[c] = v;
            }
            double logSum = 0;
            for (int j = 0; j < d; j++)
            {
                double s = 0;
                for (int c = 0; c < k; c++) s += w[c * d + j] / lambda[c];
                next[j] = s;
                logSum += Math.Log(s);
            }
            double g = Math.Exp(logSum / d);
            for (int j = 0; j < d; j++)
            {
                double v = next[j] / g;
                e = Math.Max(e, Math.Abs(a[j] - v) / (1 + v));
                a[j] = v;
            }
        } while ((continueAtTolerance ? e >= tolerance : e > tolerance) && count < maxIterations);
        return new VolumeShapeState(lambda, a);
    }
}
