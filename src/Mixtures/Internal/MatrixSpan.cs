using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Mixtures.Internal;

/// <summary>Views of a row-major <c>double[,]</c> as flat spans (the CLR stores it contiguously).</summary>
internal static class MatrixSpan
{
    public static Span<double> Flat(double[,] a) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(a)), a.Length);

    public static Span<double> Flat(double[,,] a) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(a)), a.Length);

    public static ReadOnlySpan<double> Rows(double[,] a, int start, int count)
    {
        int d = a.GetLength(1);
        return Flat(a).Slice(start * d, count * d);
    }

    public static double[,] ToMatrix(ReadOnlySpan<double> flat, int rows, int cols)
    {
        var m = new double[rows, cols];
        flat[..(rows * cols)].CopyTo(Flat(m));
        return m;
    }

    public static double[] ToFlat(double[,] a) => Flat(a).ToArray();
}
