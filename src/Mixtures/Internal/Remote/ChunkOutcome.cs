namespace Mixtures.Internal.Remote;

/// <summary>
/// What one chunk of a pass contributes, in a form that can travel between processes: its sufficient
/// statistics flattened by <see cref="StatisticsTransfer"/>, its weighted log-likelihood sum, its
/// sum of w r ln r (variational fits only, else 0) and its worst rows (for re-seeding). The EM loop
/// merges outcomes in chunk order exactly as it merges the chunks it computes itself.
/// </summary>
internal sealed record ChunkOutcome(int Chunk, double[] Statistics, double LogLikelihood, double ResponsibilityLogSum,
    double[] WorstScores, int[] WorstRows);
