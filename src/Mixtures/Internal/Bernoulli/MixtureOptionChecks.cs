namespace Mixtures;

/// <summary>The option checks the Bernoulli and Poisson option records share (same messages as the Gaussian's).</summary>
internal static class MixtureOptionChecks
{
    public static void Common(int components, double tolerance, int maxIterations, int nInit, InitMethod init,
        int? maxDegreeOfParallelism, DegenerateHandling degenerate)
    {
        if (components < 1)
            throw new ArgumentOutOfRangeException("Components", components, "Components (n_components) must be at least 1.");
        if (!(tolerance >= 0) || double.IsInfinity(tolerance))
            throw new ArgumentOutOfRangeException("Tolerance", tolerance, "Tolerance (tol) must be a finite number >= 0.");
        if (maxIterations < 1)
            throw new ArgumentOutOfRangeException("MaxIterations", maxIterations, "MaxIterations (max_iter) must be at least 1.");
        if (nInit < 1)
            throw new ArgumentOutOfRangeException("NInit", nInit, "NInit (n_init) must be at least 1.");
        if (!Enum.IsDefined(init))
            throw new ArgumentOutOfRangeException("Init", init, "Unknown init method.");
        if (maxDegreeOfParallelism is < 1)
            throw new ArgumentOutOfRangeException("MaxDegreeOfParallelism", maxDegreeOfParallelism, "MaxDegreeOfParallelism must be at least 1 (or null for all cores).");
        if (!Enum.IsDefined(degenerate))
            throw new ArgumentOutOfRangeException("Degenerate", degenerate, "Unknown degenerate handling.");
    }
}
