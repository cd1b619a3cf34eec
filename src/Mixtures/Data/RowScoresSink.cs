namespace Mixtures.Data;

/// <summary>
/// Receives the scores of rows [<paramref name="firstRow"/>, <paramref name="firstRow"/> + <paramref name="count"/>)
/// from <see cref="MixtureModel.Evaluate"/>, in row order. The spans are valid only during the call.
/// </summary>
/// <param name="firstRow">0-based index of the first row.</param>
/// <param name="count">Rows in this call.</param>
/// <param name="responsibilities">count x K posterior probabilities, row-major.</param>
/// <param name="logLikelihoods">count per-row log-likelihoods (as <see cref="MixtureModel.ScoreSamples(double[,])"/>).</param>
public delegate void RowScoresSink(long firstRow, int count, ReadOnlySpan<double> responsibilities, ReadOnlySpan<double> logLikelihoods);
