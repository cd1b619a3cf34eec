namespace Mixtures.Internal.Kernels;

/// <summary>
/// Pinned scratch arrays for whole-matrix work (a D x D workspace per factorization: 8 MB at D = 1000,
/// 800 MB at D = 10000), reused from one M-step to the next instead of allocated every iteration. Idle arrays
/// are held only through weak references, so a finished fit leaves nothing behind after the next full GC.
/// </summary>
internal static class WorkspacePool
{
    static readonly List<WeakReference<double[]>> Idle = [];

    /// <summary>A pinned array of at least <paramref name="length"/> doubles (contents undefined); give it back with <see cref="Return"/>.</summary>
    public static double[] Rent(int length)
    {
        lock (Idle)
        {
            for (int i = Idle.Count - 1; i >= 0; i--)
            {
                if (!Idle[i].TryGetTarget(out var a))
                {
                    Idle.RemoveAt(i);
                    continue;
                }
                if (a.Length >= length && a.Length <= 2L * length + 4096)
                {
                    Idle.RemoveAt(i);
                    return a;
                }
            }
        }
        return GC.AllocateUninitializedArray<double>(length, pinned: true);
    }

    /// <summary>Makes <paramref name="array"/> (from <see cref="Rent"/>) available again.</summary>
    public static void Return(double[] array)
    {
        lock (Idle)
        {
            if (Idle.Count >= 4 * Environment.ProcessorCount) Idle.RemoveAt(0);
            Idle.Add(new WeakReference<double[]>(array));
        }
    }
}
