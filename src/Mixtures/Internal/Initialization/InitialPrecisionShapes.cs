using Mixtures.Internal.Gaussian.Covariance;

namespace Mixtures.Internal.Initialization;

/// <summary>Checks and flattens <see cref="GaussianMixtureOptions.InitialPrecisions"/> given in scikit-learn's shapes.</summary>
internal static class InitialPrecisionShapes
{
    public static double[] Flatten(double[][,] p, ICovarianceModel model, int k, int d)
    {
        const string name = nameof(GaussianMixtureOptions.InitialPrecisions);
        var (count, rows, cols) = model.PrecisionsInitShape(k, d);
        string shape = count == 1 ? $"one {rows} x {cols} matrix" : $"{count} matrices of {rows} x {cols}";
        if (p.Length != count || p.Any(m => m is null || m.GetLength(0) != rows || m.GetLength(1) != cols))
            throw new ArgumentException($"{name} for covariance type {model.Type} must be {shape}.", name);
        var flat = new double[count * rows * cols];
        for (int i = 0; i < count; i++)
            MatrixSpan.Flat(p[i]).CopyTo(flat.AsSpan(i * rows * cols));
        for (int i = 0; i < flat.Length; i++)
            if (!double.IsFinite(flat[i])) throw new ArgumentException($"{name} holds a value that is not finite ({flat[i]}).", name);
        if (model.Layout != FactorLayout.DiagonalPerComponent)
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
