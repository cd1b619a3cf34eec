namespace Mixtures.Internal;

/// <summary>Standard normal draws (Marsaglia's polar method) and component counts from a seeded generator.</summary>
internal sealed class NormalSampler(Random rng)
{
    double _spare;
    bool _hasSpare;

    public Random Random => rng;

    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double u, v, s;
        do
        {
            u = 2 * rng.NextDouble() - 1;
            v = 2 * rng.NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * f;
        _hasSpare = true;
        return u * f;
    }

    /// <summary>How many of <paramref name="n"/> draws fall in each component (a multinomial draw).</summary>
    public int[] Counts(int n, ReadOnlySpan<double> weights)
    {
        var counts = new int[weights.Length];
        double total = 0;
        foreach (double w in weights) total += w;
        for (int i = 0; i < n; i++)
        {
            double u = rng.NextDouble() * total, acc = 0;
            int c = weights.Length - 1;
            for (int j = 0; j < weights.Length; j++)
            {
                acc += weights[j];
                if (u < acc)
                {
                    c = j;
                    break;
                }
            }
            counts[c]++;
        }
        return counts;
    }

    public static int[] ComponentLabels(int[] counts)
    {
        int n = 0;
        foreach (int c in counts) n += c;
        var labels = new int[n];
        int i = 0;
        for (int c = 0; c < counts.Length; c++)
            for (int j = 0; j < counts[c]; j++) labels[i++] = c;
        return labels;
    }
}
