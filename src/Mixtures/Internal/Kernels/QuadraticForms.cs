using System.Numerics;
using System.Runtime.CompilerServices;

namespace Mixtures.Internal.Kernels;

/// <summary>
/// Squared Mahalanobis distances |(x - mu) U|^2 for a block of rows, by covariance structure.
/// These are the E-step's hot loops.
/// </summary>
internal static class QuadraticForms
{
    /// <summary>
    /// Full/tied: out[r * stride] = |(x_r - mu) U|^2 with U upper triangular (D x D).
    /// <paramref name="y"/> (D) is scratch.
    /// </summary>
    public static void Triangular(ReadOnlySpan<double> rows, int count, int d, ReadOnlySpan<double> mu, ReadOnlySpan<double> u,
        Span<double> output, int stride, Span<double> y)
    {
        for (int r = 0; r < count; r++)
        {
            var x = rows.Slice(r * d, d);
            y[..d].Clear();
            for (int i = 0; i < d; i++)
            {
                double a = x[i] - mu[i];
                // y[j] += a * U[i, j] for j >= i (row i of U is zero left of the diagonal)
                Axpy(a, u.Slice(i * d + i, d - i), y.Slice(i, d - i));
            }
            output[r * stride] = Dot(y[..d], y[..d]);
        }
    }

    /// <summary>Diag: out[r * stride] = sum_j ((x_rj - mu_j) p_j)^2.</summary>
    public static void Diagonal(ReadOnlySpan<double> rows, int count, int d, ReadOnlySpan<double> mu, ReadOnlySpan<double> p,
        Span<double> output, int stride)
    {
        for (int r = 0; r < count; r++)
        {
            var x = rows.Slice(r * d, d);
            double s = 0;
            int j = 0;
            if (Vector.IsHardwareAccelerated && d >= Vector<double>.Count)
            {
                var acc = Vector<double>.Zero;
                for (; j <= d - Vector<double>.Count; j += Vector<double>.Count)
                {
                    var t = (new Vector<double>(x.Slice(j)) - new Vector<double>(mu.Slice(j))) * new Vector<double>(p.Slice(j));
                    acc += t * t;
                }
                s = Vector.Sum(acc);
            }
            for (; j < d; j++)
            {
                double t = (x[j] - mu[j]) * p[j];
                s += t * t;
            }
            output[r * stride] = s;
        }
    }

    /// <summary>Squared Euclidean distance |x - mu|^2.</summary>
    public static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> mu)
    {
        int d = x.Length, j = 0;
        double s = 0;
        if (Vector.IsHardwareAccelerated && d >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; j <= d - Vector<double>.Count; j += Vector<double>.Count)
            {
                var t = new Vector<double>(x.Slice(j)) - new Vector<double>(mu.Slice(j));
                acc += t * t;
            }
            s = Vector.Sum(acc);
        }
        for (; j < d; j++)
        {
            double t = x[j] - mu[j];
            s += t * t;
        }
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length, j = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var va = new Vector<double>(a);
            for (; j <= n - Vector<double>.Count; j += Vector<double>.Count)
                (new Vector<double>(y.Slice(j)) + va * new Vector<double>(x.Slice(j))).CopyTo(y.Slice(j));
        }
        for (; j < n; j++) y[j] += a * x[j];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length, j = 0;
        double s = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; j <= n - Vector<double>.Count; j += Vector<double>.Count)
                acc += new Vector<double>(x.Slice(j)) * new Vector<double>(y.Slice(j));
            s = Vector.Sum(acc);
        }
        for (; j < n; j++) s += x[j] * y[j];
        return s;
    }
}
