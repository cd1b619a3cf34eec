using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// mclust's VEE, Sigma_k = lambda_k C with one C of determinant 1. Every M-step starts again from
/// lambda_k = 1 and alternates C = sum_k W_k / lambda_k normalised to det 1, and
/// lambda_k = tr(W_k C^-1) / (D n_k), until the objective D sum n_k (1 + ln lambda_k) changes by a relative
/// sqrt(eps) or less.
/// </summary>
internal sealed class Vee : MclustCovariance
{
    public override CovarianceType Type => CovarianceType.VEE;
    public override string Name => "VEE";
    public override int ParameterCount(int k, int d) => k + (d - 1) + d * (d - 1) / 2;

    protected override void Fit(MStepInputs inputs, Span<double> sigma)
    {
        int k = inputs.K, d = inputs.D;
        var w = new double[k * d * d];
        var l = new double[d * d];
        for (int c = 0; c < k; c++)
        {
            inputs.Scatter(c, w.AsSpan(c * d * d, d * d));
            if (!Cholesky.Factor(w.AsSpan(c * d * d, d * d), l, d))
                inputs.Failures.Add((c, "W_k is not positive definite"));
        }
        var lambda = Enumerable.Repeat(1.0, k).ToArray();
        var cm = new double[d * d];
        var inverse = new double[d * d];
        double previous = FarAway, e;
        int count = 0;
        do
        {
            count++;
            Array.Clear(cm);
            for (int c = 0; c < k; c++)
                for (int i = 0; i < d * d; i++) cm[i] += w[c * d * d + i] / lambda[c];
            if (!Cholesky.Factor(cm, l, d) || !Cholesky.InvertSpd(cm, inverse, d))
            {
                inputs.Failures.Add((-1, "C is not positive definite"));
                ComposeAll(sigma, lambda, cm, k, d);
                return;
            }
            double logDet = 0;
            for (int j = 0; j < d; j++) logDet += 2 * Math.Log(l[j * d + j]);
            double scale = Math.Exp(logDet / d);
            for (int i = 0; i < d * d; i++)
            {
                cm[i] /= scale;
                inverse[i] *= scale;
            }
            double f = 0;
            for (int c = 0; c < k; c++)
            {
                double t = 0;
                for (int i = 0; i < d * d; i++) t += w[c * d * d + i] * inverse[i];   // tr(W C^-1): both symmetric
                lambda[c] = t / (d * inputs.Nk[c]);
                f += d * inputs.Nk[c] + d * inputs.Nk[c] * Math.Log(lambda[c]);
            }
            e = Math.Abs(f - previous) / (1 + Math.Abs(f));
            previous = f;
        } while (e > InnerTolerance && count < InnerMaxIterations);

        var values = new double[d];
        SymmetricEigen.Decompose(cm, d, values, l);
        RequireAbove(inputs, -1, values, InnerTolerance, "shape <= sqrt(eps)");
        for (int c = 0; c < k; c++) RequireAbove(inputs, c, [lambda[c]], InnerTolerance, "volume <= sqrt(eps)");
        ComposeAll(sigma, lambda, cm, k, d);
    }

    static void ComposeAll(Span<double> sigma, double[] lambda, double[] cm, int k, int d)
    {
        for (int c = 0; c < k; c++)
            for (int i = 0; i < d * d; i++) sigma[c * d * d + i] = lambda[c] * cm[i];
    }
}
