using BenchmarkDotNet.Running;

namespace Mixtures.Benchmarks;

public static class Program
{
    /// <summary>
    /// `quick [options]`: Stopwatch seconds per EM iteration for the rows (see QuickBench);
    /// `profile [--data DIR] [--rows NAME:COV,...] [--sample-rows N]`: single-thread time per stage (see Stages);
    /// anything else goes to BenchmarkDotNet's switcher, e.g. `--filter *FitBenchmarks*`.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && (args[0] == "quick" || args[0] == "--quick"))
            return QuickBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "profile")
            return QuickBench.Profile(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
