using Mixtures.Internal;
using Mixtures.Internal.Kernels;

namespace Mixtures;

/// <summary>A fitted k-means clustering: immutable and safe to share between threads.</summary>
public sealed class KMeansModel
{
    readonly double[] _centers;

    internal KMeansModel(double[] centers, int k, int d, double inertia, int iterations, int[] labels)
    {
        _centers = centers;
        Clusters = k;
        Features = d;
        Inertia = inertia;
        Iterations = iterations;
        _labels = labels;
    }

    readonly int[] _labels;

    /// <summary>Number of clusters.</summary>
    public int Clusters { get; }

    /// <summary>Number of features.</summary>
    public int Features { get; }

    /// <summary>Cluster centres [K, D] (a copy).</summary>
    public double[,] Centers => MatrixSpan.ToMatrix(_centers, Clusters, Features);

    /// <summary>Weighted sum of squared distances of the training points to their centres.</summary>
    public double Inertia { get; }

    /// <summary>Lloyd iterations run by the kept restart.</summary>
    public int Iterations { get; }

    /// <summary>Cluster of each training point (a copy).</summary>
    public int[] Labels => (int[])_labels.Clone();

    internal ReadOnlySpan<double> CenterSpan => _centers;

    /// <summary>The nearest centre of every row.</summary>
    public int[] Predict(double[,] x)
    {
        InputValidation.RequireFeatures(x, Features);
        int n = x.GetLength(0);
        var labels = new int[n];
        var plan = new ChunkPlan(n);
        plan.ForEach(null, c =>
        {
            var (start, len) = plan[c];
            for (int i = start; i < start + len; i++)
                labels[i] = Nearest(MatrixSpan.Rows(x, i, 1), _centers, Clusters, out _);
        });
        return labels;
    }

    internal static int Nearest(ReadOnlySpan<double> row, ReadOnlySpan<double> centers, int k, out double distance)
    {
        int d = row.Length, best = 0;
        distance = double.PositiveInfinity;
        for (int c = 0; c < k; c++)
        {
            double s = QuadraticForms.SquaredDistance(row, centers.Slice(c * d, d));
            if (s < distance)
            {
                distance = s;
                best = c;
            }
        }
        return best;
    }
}
