namespace Mixtures.Internal.Initialization;

/// <summary>Checks and flattens <see cref="GaussianMixtureOptions.InitialPrecisions"/> given in scikit-learn's shapes.</summary>
internal static class InitialPrecisionShapes
{
    public static double[] Flatten(double[][,] p, CovarianceType type, int k, int d)
    {
        const string name = nameof(GaussianMixtureOptions.InitialPrecisions);
        (int count, int rows, int cols, string shape) = type switch
        {
            CovarianceType.Full => (k, d, d, $"{k} matrices of {d} x {d}"),
            CovarianceType.Tied => (1, d, d, $"one {d} x {d} matrix"),
            CovarianceType.Diag => (1, k, d, $"one {k} x {d} matrix"),
            _ => (1, k, 1, $"one {k} x 1 matrix"),
        };
        if (p.Length != count || p.Any(m => m is null || m.GetLength(0) != rows || m.GetLength(1) != cols))
            throw new ArgumentException($"{name} for covariance type {type} must be {shape}.", name);
        var flat = new double[count * rows * cols];
        for (int i = 0; i < count; i++)
            MatrixSpan.Flat(p[i]).CopyTo(flat.AsSpan(i * rows * cols));
        for (int i = 0; i < flat.Length; i++)
            if (!double.IsFinite(flat[i])) throw new ArgumentException($"{name} holds a value that is not finite ({flat[i]}).", name);
        if (type is CovarianceType.Full or CovarianceType.Tied)
            for (int m = 0; m < count; m++)
                for (int a = 0; a < d; a++)
                    for (int b = 0; b < a; b++)
                    {
                        double u = flat[m * d * d + a * d + b], v = flat[m * d * d + b * d + a];
                        if (Math.Abs(u - v) > 1e-8 * Math.Max(1, Math.Max(Math.Abs(u), Math.Abs(v))))
                            throw new ArgumentException($"{name}: matrix {m} is not symmetric at [{a}, {b}].", name);
                    }
        return flat;
    }
}
