using Mixtures.Data;

namespace Mixtures.Internal.Initialization;

/// <summary>
/// First responsibilities of an EM run, as hard labels (k-means, k-means++, random_from_data) or a
/// dense random matrix (random). Fed to the family's M-step to get the first parameters.
/// </summary>
internal static class InitialResponsibilities
{
    /// <summary>Writes the weighted responsibilities of rows [first, first+count), given those rows.</summary>
    public delegate void Block(long first, int count, RowRange rows, Span<double> resp);

    /// <summary>
    /// The initialization of <paramref name="method"/>. k-means, k-means++ and random_from_data find their
    /// centres or seeds on the <see cref="InitialSample"/> (all rows up to its size) and then label every row
    /// by its nearest centre as the rows stream past; random draws each row's responsibilities in row order.
    /// </summary>
    public static Block Create(InitMethod method, IRowSource source, int k, Random rng, int? threads)
    {
        int d = source.Features;
        if (method == InitMethod.Random) return RandomBlock(k, rng);
        var sample = InitialSample.Read(source);
        switch (method)
        {
            case InitMethod.KMeans:
            {
                var km = new KMeans(new KMeansOptions { Clusters = k, NInit = 1, Seed = rng.Next(), MaxDegreeOfParallelism = threads })
                    .Fit(sample.X, sample.Weights);
                return Nearest(km.CenterSpan.ToArray(), k, d, []);
            }
            case InitMethod.KMeansPlusPlus:
                return Seeded(sample, KMeansPlusPlus.Seeds(sample.X, sample.Weights, k, rng), k, d);
            default:
                return Seeded(sample, DistinctIndices(sample.X.GetLength(0), k, sample.Weights, rng), k, d);
        }
    }

    /// <summary>One-hot responsibilities of explicit labels (<see cref="MixtureOptions.InitialLabels"/>), checked against N and K.</summary>
    /// <exception cref="ArgumentException">Not one label per row, or a label outside 0..K-1 (its index and value named).</exception>
    public static Block FromLabels(int[] labels, long n, int k)
    {
        const string name = nameof(MixtureOptions.InitialLabels);
        if (labels.Length != n)
            throw new ArgumentException($"{name} has {labels.Length} labels for {n} data rows; give one label in 0..{k - 1} per row.", name);
        for (int i = 0; i < labels.Length; i++)
            if ((uint)labels[i] >= (uint)k)
                throw new ArgumentException($"{name}[{i}] = {labels[i]} is outside 0..{k - 1} (Components = {k}).", name);
        var copy = (int[])labels.Clone();
        return (first, count, rows, resp) =>
        {
            resp[..(count * k)].Clear();
            for (int i = 0; i < count; i++) resp[i * k + copy[first + i]] = rows.Weight(i);
        };
    }

    /// <summary>Random responsibilities, normalized per row; drawn as the rows come, which is row order.</summary>
    static Block RandomBlock(int k, Random rng)
    {
        var r = new double[k];
        return (first, count, rows, resp) =>
        {
            for (int i = 0; i < count; i++)
            {
                double s = 0;
                for (int c = 0; c < k; c++) s += r[c] = rng.NextDouble();
                double scale = rows.Weight(i) / s;
                for (int c = 0; c < k; c++) resp[i * k + c] = r[c] * scale;
            }
        };
    }

    /// <summary>Hard labels by the nearest seed row; each seed owns at least itself, even among duplicates.</summary>
    static Block Seeded(InitialSample sample, int[] seeds, int k, int d)
    {
        var centers = new double[k * d];
        var owners = new long[k];
        for (int c = 0; c < k; c++)
        {
            MatrixSpan.Rows(sample.X, seeds[c], 1).CopyTo(centers.AsSpan(c * d, d));
            owners[c] = sample.SourceRow(seeds[c]);
        }
        return Nearest(centers, k, d, owners);
    }

    /// <summary>Hard labels: the nearest centre, except that row owners[c] is labelled c.</summary>
    static Block Nearest(double[] centers, int k, int d, long[] owners) => (first, count, rows, resp) =>
    {
        resp[..(count * k)].Clear();
        for (int i = 0; i < count; i++)
        {
            int label = KMeansModel.Nearest(rows.Values.Slice(i * d, d), centers, k, out _);
            int owner = Array.IndexOf(owners, first + i);
            if (owner >= 0) label = owner;
            resp[i * k + label] = rows.Weight(i);
        }
    };

    /// <summary>k distinct row indices with positive weight, uniformly (partial Fisher-Yates).</summary>
    static int[] DistinctIndices(int n, int k, double[]? w, Random rng)
    {
        var pool = new List<int>(n);
        for (int i = 0; i < n; i++) if ((w?[i] ?? 1.0) > 0) pool.Add(i);
        if (pool.Count < k) throw new ArgumentException($"random_from_data needs {k} samples with positive weight; only {pool.Count} have one.");
        var result = new int[k];
        for (int i = 0; i < k; i++)
        {
            int j = i + rng.Next(pool.Count - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
            result[i] = pool[i];
        }
        return result;
    }
}
