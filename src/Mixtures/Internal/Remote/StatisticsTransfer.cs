using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Variational;

namespace Mixtures.Internal.Remote;

/// <summary>
/// Flattens a chunk's sufficient statistics into doubles and back, in a layout that does not depend on
/// the kernels that produced them: Gaussian R (K), A (K x D), then Q as the model keeps it (full: each
/// component's lower triangle row by row; diagonal: K x D; tied: nothing); Bernoulli and Poisson R (K),
/// S (K x D). Every value the M-step reads is carried bit for bit, so merging imported chunks gives the
/// same sums as merging the chunks computed here. The shift (the current means) is not sent: both sides
/// start the statistics from the same parameters.
/// </summary>
internal static class StatisticsTransfer
{
    public static double[] Export<TParams>(ISufficientStatistics<TParams> stats) => stats switch
    {
        GaussianStatistics g => g.Export(),
        VariationalStatistics v => v.Inner.Export(),
        Means.MeanStatistics<TParams> m => [.. m.R, .. m.S],
        _ => throw new NotSupportedException($"{stats.GetType().Name} cannot be sent between processes."),
    };

    /// <summary>Loads exported values into statistics already begun on the same parameters.</summary>
    public static void Import<TParams>(ISufficientStatistics<TParams> stats, ReadOnlySpan<double> values)
    {
        switch (stats)
        {
            case GaussianStatistics g: g.Import(values); break;
            case VariationalStatistics v: v.Inner.Import(values); break;
            case Means.MeanStatistics<TParams> m:
                if (values.Length != m.R.Length + m.S.Length) throw Mismatch(values.Length, m.R.Length + m.S.Length);
                values[..m.R.Length].CopyTo(m.R);
                values[m.R.Length..].CopyTo(m.S);
                break;
            default: throw new NotSupportedException($"{stats.GetType().Name} cannot be sent between processes.");
        }
    }

    public static InvalidDataException Mismatch(int got, int expected) =>
        new($"Chunk statistics of {got} values arrived where {expected} were expected: the worker fitted another model shape.");
}
