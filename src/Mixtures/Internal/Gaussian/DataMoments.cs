namespace Mixtures.Internal.Gaussian;

/// <summary>Weighted mean, per-feature variance and (optionally) scatter matrix of the data, two-pass.</summary>
internal static class DataMoments
{
    public static (double[] Mean, double[] Variance, double[] Scatter) Compute(double[,] x, double[]? w, double totalWeight, bool scatter)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var data = MatrixSpan.Flat(x);
        var mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            double wi = w?[i] ?? 1.0;
            for (int j = 0; j < d; j++) mean[j] += wi * data[i * d + j];
        }
        for (int j = 0; j < d; j++) mean[j] /= totalWeight;
        var variance = new double[d];
        var s = scatter ? new double[d * d] : Array.Empty<double>();
        var xc = new double[d];
        for (int i = 0; i < n; i++)
        {
            double wi = w?[i] ?? 1.0;
            if (wi == 0) continue;
            for (int j = 0; j < d; j++)
            {
                xc[j] = data[i * d + j] - mean[j];
                variance[j] += wi * xc[j] * xc[j];
            }
            if (scatter)
                for (int a = 0; a < d; a++)
                {
                    double t = wi * xc[a];
                    for (int b = 0; b <= a; b++) s[a * d + b] += t * xc[b];
                }
        }
        for (int j = 0; j < d; j++) variance[j] /= totalWeight;
        if (scatter)
            for (int a = 0; a < d; a++)
                for (int b = 0; b < a; b++) s[b * d + a] = s[a * d + b];
        return (mean, variance, s);
    }
}
