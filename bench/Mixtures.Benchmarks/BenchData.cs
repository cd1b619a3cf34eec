using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mixtures.Benchmarks;

/// <summary>A dataset plus the fixed initial parameters every peer starts from.</summary>
public sealed record BenchCase(string Name, double[,] X, int K, CovarianceType Covariance,
    double[] Weights, double[,] Means, double[][,] Precisions)
{
    public int N => X.GetLength(0);
    public int D => X.GetLength(1);

    /// <summary>Options for a fit of exactly <paramref name="iterations"/> EM iterations from the fixed init.</summary>
    public GaussianMixtureOptions Options(int iterations, int? threads = null) => new()
    {
        Components = K,
        CovarianceType = Covariance,
        Tolerance = 0,
        RegCovar = 1e-6,
        MaxIterations = iterations,
        NInit = 1,
        InitialWeights = Weights,
        InitialMeans = Means,
        InitialPrecisions = Precisions,
        MaxDegreeOfParallelism = threads,
        Seed = 0,
    };

    /// <summary>Nominal floating-point operations of one EM iteration (see bench/README.md).</summary>
    public double FlopsPerIteration => BenchData.FlopsPerIteration(Covariance, N, D, K);
}

/// <summary>Dataset shapes, a synthetic generator, and readers for bench/gen_data.py's files.</summary>
public static class BenchData
{
    /// <summary>Shapes shared with bench/gen_data.py (same names; the C# generator is not bit-identical to numpy's).</summary>
    public static readonly IReadOnlyDictionary<string, (int N, int D, int K, int Seed)> Shapes =
        new Dictionary<string, (int, int, int, int)>
        {
            ["small"] = (10_000, 2, 4, 1),
            ["medium"] = (100_000, 8, 8, 2),
            ["n1e6_d16"] = (1_000_000, 16, 16, 3),
            ["n2e5_d64"] = (200_000, 64, 16, 4),
            ["wide"] = (5_000, 1_000, 2, 5),
            ["verywide"] = (30, 10_000, 2, 6),
        };

    public static string CovName(CovarianceType c) => c.ToString().ToLowerInvariant();

    /// <summary>
    /// Nominal flops of one EM iteration. full: N K (2 D^2 + 6 D) (E-step (x - mu) U products plus the M-step
    /// weighted outer products); tied: 4 N D^2 + 6 N K D; diag and spherical: 6 N K D.
    /// </summary>
    public static double FlopsPerIteration(CovarianceType c, long n, long d, long k) => c switch
    {
        CovarianceType.Full => (double)n * k * (2.0 * d * d + 6.0 * d),
        CovarianceType.Tied => 4.0 * n * d * d + 6.0 * n * k * d,
        _ => 6.0 * n * k * d,
    };

    /// <summary>Loads NAME.npy and NAME.COV.init.json written by gen_data.py, or synthesizes the case when absent.</summary>
    public static BenchCase Load(string? dataDir, string name, CovarianceType cov)
    {
        if (dataDir is not null)
        {
            string npy = Path.Combine(dataDir, name + ".npy");
            string init = Path.Combine(dataDir, $"{name}.{CovName(cov)}.init.json");
            if (File.Exists(npy) && File.Exists(init))
            {
                double[,] x = ReadNpy(npy);
                return WithInitJson(name, x, cov, File.ReadAllText(init));
            }
        }
        var (n, d, k, seed) = Shapes[name];
        return Synthesize(name, n, d, k, seed, cov);
    }

    /// <summary>Well separated Gaussian clusters with correlated covariances; init as in gen_data.py.</summary>
    public static BenchCase Synthesize(string name, int n, int d, int k, int seed, CovarianceType cov)
    {
        var rng = new Random(seed);
        double Normal()
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        var centers = new double[k, d];
        for (int j = 0; j < k; j++) for (int c = 0; c < d; c++) centers[j, c] = 4.0 * Normal();
        var mix = new double[k, d, d]; // lower-triangular mixing matrices
        for (int j = 0; j < k; j++)
            for (int r = 0; r < d; r++)
            {
                for (int c = 0; c < r; c++) mix[j, r, c] = 0.5 * Normal() / Math.Sqrt(d);
                mix[j, r, r] = 0.5 + rng.NextDouble();
            }
        var x = new double[n, d];
        var z = new double[d];
        for (int i = 0; i < n; i++)
        {
            int j = rng.Next(k);
            for (int c = 0; c < d; c++) z[c] = Normal();
            for (int r = 0; r < d; r++)
            {
                double s = centers[j, r];
                for (int c = 0; c <= r; c++) s += mix[j, r, c] * z[c];
                x[i, r] = s;
            }
        }
        return WithDefaultInit(name, x, k, seed, cov);
    }

    /// <summary>Uniform weights, K distinct random rows as means, inverse data covariance as every precision.</summary>
    public static BenchCase WithDefaultInit(string name, double[,] x, int k, int seed, CovarianceType cov)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var rng = new Random(seed + 1000);
        var rows = new SortedSet<int>();
        while (rows.Count < k) rows.Add(rng.Next(n));
        var means = new double[k, d];
        int m = 0;
        foreach (int r in rows) { for (int c = 0; c < d; c++) means[m, c] = x[r, c]; m++; }

        var mean = new double[d];
        for (int i = 0; i < n; i++) for (int c = 0; c < d; c++) mean[c] += x[i, c];
        for (int c = 0; c < d; c++) mean[c] /= n;
        var covm = new double[d, d];
        var diff = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < d; c++) diff[c] = x[i, c] - mean[c];
            for (int a = 0; a < d; a++) for (int b = 0; b <= a; b++) covm[a, b] += diff[a] * diff[b];
        }
        for (int a = 0; a < d; a++) for (int b = 0; b <= a; b++) { covm[a, b] /= n - 1; covm[b, a] = covm[a, b]; }
        double[,] prec = InverseSpd(covm);

        var weights = Enumerable.Repeat(1.0 / k, k).ToArray();
        double[][,] precisions = cov switch
        {
            CovarianceType.Full => Enumerable.Range(0, k).Select(_ => (double[,])prec.Clone()).ToArray(),
            CovarianceType.Tied => [prec],
            CovarianceType.Diag => [Fill(k, d, (_, c) => 1.0 / covm[c, c])],
            _ => [Fill(k, 1, (_, _) => d / Enumerable.Range(0, d).Sum(c => covm[c, c]))],
        };
        return new BenchCase(name, x, k, cov, weights, means, precisions);
    }

    static double[,] Fill(int r, int c, Func<int, int, double> f)
    {
        var a = new double[r, c];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) a[i, j] = f(i, j);
        return a;
    }

    /// <summary>Inverse of a symmetric positive definite matrix by Gauss-Jordan (small D only).</summary>
    static double[,] InverseSpd(double[,] a)
    {
        int d = a.GetLength(0);
        var m = new double[d, 2 * d];
        for (int i = 0; i < d; i++) { for (int j = 0; j < d; j++) m[i, j] = a[i, j]; m[i, d + i] = 1; }
        for (int p = 0; p < d; p++)
        {
            double piv = m[p, p];
            for (int j = 0; j < 2 * d; j++) m[p, j] /= piv;
            for (int i = 0; i < d; i++)
            {
                if (i == p) continue;
                double f = m[i, p];
                if (f != 0) for (int j = 0; j < 2 * d; j++) m[i, j] -= f * m[p, j];
            }
        }
        var inv = new double[d, d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) inv[i, j] = 0.5 * (m[i, d + j] + m[j, d + i]);
        return inv;
    }

    /// <summary>Reads a 2-D little-endian float64 C-order .npy file.</summary>
    public static double[,] ReadNpy(string path)
    {
        using var f = File.OpenRead(path);
        Span<byte> head = stackalloc byte[10];
        f.ReadExactly(head);
        if (head[0] != 0x93 || Encoding.ASCII.GetString(head.Slice(1, 5)) != "NUMPY")
            throw new InvalidDataException($"{path}: not a .npy file.");
        int headerLen;
        if (head[6] == 1) headerLen = BinaryPrimitives.ReadUInt16LittleEndian(head.Slice(8, 2));
        else
        {
            Span<byte> two = stackalloc byte[2];
            f.ReadExactly(two);
            headerLen = (int)(BinaryPrimitives.ReadUInt16LittleEndian(head.Slice(8, 2)) | ((uint)BinaryPrimitives.ReadUInt16LittleEndian(two) << 16));
        }
        var hb = new byte[headerLen];
        f.ReadExactly(hb);
        string header = Encoding.ASCII.GetString(hb);
        if (!header.Contains("'<f8'") || !header.Contains("'fortran_order': False"))
            throw new InvalidDataException($"{path}: expected float64 ('<f8') in C order, header {header.Trim()}.");
        int s = header.IndexOf("'shape': (", StringComparison.Ordinal) + 10;
        int e = header.IndexOf(')', s);
        var dims = header[s..e].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (dims.Length != 2) throw new InvalidDataException($"{path}: expected a 2-D array, shape ({header[s..e]}).");
        int n = int.Parse(dims[0], CultureInfo.InvariantCulture), d = int.Parse(dims[1], CultureInfo.InvariantCulture);
        var x = new double[n, d];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(
            System.Runtime.InteropServices.MemoryMarshal.CreateSpan(ref x[0, 0], n * d));
        f.ReadExactly(bytes);
        return x;
    }

    /// <summary>A case from gen_data.py's init JSON ({"weights", "means", "precisions"} shaped as scikit-learn's).</summary>
    public static BenchCase WithInitJson(string name, double[,] x, CovarianceType cov, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        double[] weights = root.GetProperty("weights").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double[,] means = Matrix(root.GetProperty("means"));
        var p = root.GetProperty("precisions");
        double[][,] precisions = cov switch
        {
            CovarianceType.Full => p.EnumerateArray().Select(Matrix).ToArray(),
            CovarianceType.Tied => [Matrix(p)],
            CovarianceType.Diag => [Matrix(p)],
            _ => [Fill(weights.Length, 1, (i, _) => p[i].GetDouble())],
        };
        return new BenchCase(name, x, weights.Length, cov, weights, means, precisions);
    }

    static double[,] Matrix(JsonElement e)
    {
        int r = e.GetArrayLength(), c = e[0].GetArrayLength();
        var a = new double[r, c];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) a[i, j] = e[i][j].GetDouble();
        return a;
    }
}
