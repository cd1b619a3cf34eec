namespace Mixtures.Internal;

/// <summary>Shape and value checks of explicit parameters (initial or loaded), naming what is wrong.</summary>
internal static class ParameterChecks
{
    public static void Weights(double[] w, int k, string name)
    {
        if (w.Length != k) throw new ArgumentException($"{name} has {w.Length} entries; expected {k} (one per component).", name);
        double sum = 0;
        for (int i = 0; i < w.Length; i++)
        {
            if (!double.IsFinite(w[i]) || w[i] < 0)
                throw new ArgumentException($"{name}[{i}] = {w[i]}: weights must be finite and non-negative.", name);
            sum += w[i];
        }
        if (Math.Abs(sum - 1) > 1e-6)
            throw new ArgumentException($"{name} sums to {sum}; the weights must sum to 1.", name);
    }

    public static void Means(double[,] m, int k, int d, string name)
    {
        if (m.GetLength(0) != k || m.GetLength(1) != d)
            throw new ArgumentException($"{name} has shape [{m.GetLength(0)}, {m.GetLength(1)}]; expected [{k}, {d}].", name);
        for (int i = 0; i < k; i++)
            for (int j = 0; j < d; j++)
                if (!double.IsFinite(m[i, j]))
                    throw new ArgumentException($"{name}[{i}, {j}] = {m[i, j]} is not a finite number.", name);
    }
}
