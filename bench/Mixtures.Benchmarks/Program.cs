using BenchmarkDotNet.Running;

namespace Mixtures.Benchmarks;

public static class Program
{
    /// <summary>
    /// `quick [options]`: Stopwatch seconds per EM iteration for the rows (see QuickBench);
    /// `profile [--data DIR] [--rows NAME:COV,...] [--sample-rows N]`: single-thread time per stage (see Stages);
    /// `memory [--data DIR] [--rows NAME:COV] [--iters N]`: resident memory and GC heap around one cold fit (see MemoryProbe);
    /// `bayes [--data DIR] [--rows NAME:COV,...] [--iters N]`: s/iter of a variational fit against an EM fit (see BayesBench);
    /// `stream [--dir DIR] [--n N] [--cov COV] [--iters I]`: s/iter in memory against streamed .npy, Parquet, Arrow (see StreamBench);
    /// `online [--n N] [--cov COV] [--batches B,...] [--passes P,...]`: stepwise EM against batch EM (see OnlineBench);
    /// `gen-npy --n N --out PATH`: a 16-cluster D = 16 float64 .npy written row by row (see NpyGenerator);
    /// `oneoff [--data DIR] [--rows NAME:COV,...]`: per-fit costs outside the EM iterations (see OneOff);
    /// `kmeans DATA.npy K [--json]`: one KMeans fit as scikit-learn's KMeans(n_init=1) (see KMeansBench);
    /// `wide [D] [ROWS] [REPS]`: wide-D kernel orders against the small-D ones (see WideKernels);
    /// `prototype [DATA_DIR]`: measurement-only kernel prototypes against the library's (see Prototypes);
    /// anything else goes to BenchmarkDotNet's switcher, e.g. `--filter *FitBenchmarks*`.
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && (args[0] == "quick" || args[0] == "--quick"))
            return QuickBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "memory")
            return MemoryProbe.Run(args[1..]);
        if (args.Length > 0 && args[0] == "online")
            return OnlineBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "gen-npy")
            return NpyGenerator.Run(args[1..]);
        if (args.Length > 0 && args[0] == "stream")
            return StreamBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "bayes")
            return BayesBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "oneoff")
            return OneOff.Run(args[1..]);
        if (args.Length > 0 && args[0] == "kmeans")
            return KMeansBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "wide")
            return WideKernels.Run(args[1..]);
        if (args.Length > 0 && args[0] == "profile")
            return QuickBench.Profile(args[1..]);
        if (args.Length > 0 && args[0] == "prototype")
        {
            // prototype [DATA_DIR]: the rows-in-lanes diagonal E-step and log-sum-exp against the library's kernels
            string? dir = args.Length > 1 ? args[1] : null;
            Prototypes.CompareDiag(BenchData.Load(dir, "n1e6_d16", CovarianceType.Diag), 65536);
            return 0;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
