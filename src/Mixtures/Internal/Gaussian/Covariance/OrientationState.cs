using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// The shapes a_k ([K][D], det 1 each) and the common orientation D (columns the axes) that mclust's EVE
/// and VVE carry from one M-step to the next (immutable: each M-step makes a new one), and their inner
/// iteration: two majorization-minimization steps on D (Browne and McNicholas 2014), then the shapes
/// (and, for VVE, the volumes) given D.
/// </summary>
internal sealed record OrientationState(double[] Shapes, double[] Orientation)
{
    /// <summary>a_k = 1 and D = I: where a run starts.</summary>
    public static OrientationState Cold(int k, int d)
    {
        var o = new double[d * d];
        for (int j = 0; j < d; j++) o[j * d + j] = 1;
        return new OrientationState(Enumerable.Repeat(1.0, k * d).ToArray(), o);
    }

    /// <summary>
    /// Iterates on the scatter matrices <paramref name="w"/> ([K][D][D]) with largest eigenvalues
    /// <paramref name="largest"/> until f = sum_kj q_kj / a_kj changes by a relative <paramref name="tolerance"/>
    /// or less. Returns the state, f and (VVE: <paramref name="variableVolume"/>) the volumes lambda_k.
    /// </summary>
    public (OrientationState State, double F, double[] Volumes) Iterate(double[] w, double[] largest, ReadOnlySpan<double> nk,
        int k, int d, bool variableVolume, double tolerance, int maxIterations)
    {
        var a = (double[])Shapes.Clone();
        var o = (double[])Orientation.Clone();
        var lambda = new double[k];
        var f = new double[d * d];
        var p = new double[d * d];
        var r = new double[d * d];
        var s = new double[d];
        var q = new double[d];
        double previous = double.MaxValue / 2, objective, e;
        int count = 0;
        do
        {
            count++;
            // 1. F = sum_k diag(1/a_k) D^T (W_k - w_k I);  D <- R P^T.
            Array.Clear(f);
            for (int c = 0; c < k; c++)
                for (int i = 0; i < d; i++)
                    for (int j = 0; j < d; j++)
                    {
                        double t = 0;
                        for (int m = 0; m < d; m++) t += o[m * d + i] * (w[c * d * d + m * d + j] - (m == j ? largest[c] : 0));
                        f[i * d + j] += t / a[c * d + i];
                    }
            Svd.Decompose(f, d, p, s, r);
            MultiplyTransposed(r, p, o, d);
            // 2. F = sum_k W_k D (diag(1/a_k) - max_j(1/a_kj) I);  D <- P R^T.
            Array.Clear(f);
            for (int c = 0; c < k; c++)
            {
                double maxInverse = 0;
                for (int j = 0; j < d; j++) maxInverse = Math.Max(maxInverse, 1 / a[c * d + j]);
                for (int i = 0; i < d; i++)
                    for (int j = 0; j < d; j++)
                    {
                        double t = 0;
                        for (int m = 0; m < d; m++) t += w[c * d * d + i * d + m] * o[m * d + j];
                        f[i * d + j] += t * (1 / a[c * d + j] - maxInverse);
                    }
            }
            Svd.Decompose(f, d, p, s, r);
            MultiplyTransposed(p, r, o, d);
            // 3. q_kj = (D^T W_k D)_jj gives the shapes (and VVE's volumes); 4. the objective.
            objective = 0;
            for (int c = 0; c < k; c++)
            {
                for (int j = 0; j < d; j++)
                {
                    double t = 0;
                    for (int m = 0; m < d; m++)
                        for (int n = 0; n < d; n++) t += o[m * d + j] * w[c * d * d + m * d + n] * o[n * d + j];
                    q[j] = variableVolume ? t / nk[c] : t;
                }
                double g = MclustCovariance.GeometricMean(q);
                lambda[c] = g;
                for (int j = 0; j < d; j++)
                {
                    a[c * d + j] = q[j] / g;
                    objective += (variableVolume ? q[j] * nk[c] : q[j]) / a[c * d + j];
                }
            }
            e = Math.Abs(objective - previous) / (1 + Math.Abs(objective));
            previous = objective;
        } while (e > tolerance && count < maxIterations);
        return (new OrientationState(a, o), objective, lambda);
    }

    /// <summary>output = x y^T (D x D).</summary>
    static void MultiplyTransposed(double[] x, double[] y, double[] output, int d)
    {
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
            {
                double t = 0;
                for (int m = 0; m < d; m++) t += x[i * d + m] * y[j * d + m];
                output[i * d + j] = t;
            }
    }
}
