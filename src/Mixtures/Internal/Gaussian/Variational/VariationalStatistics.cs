namespace Mixtures.Internal.Gaussian.Variational;

/// <summary>The Gaussian family's statistics (R, A, Q centred on the current means) under the variational parameter type.</summary>
internal sealed class VariationalStatistics(GaussianStatistics inner) : ISufficientStatistics<VariationalParameters>
{
    public GaussianStatistics Inner => inner;

    public void Begin(VariationalParameters? current) => inner.Begin(current?.Point);

    public void Accumulate(ReadOnlySpan<double> rows, int count, ReadOnlySpan<double> weightedResp, Span<double> scratch) =>
        inner.Accumulate(rows, count, weightedResp, scratch);

    public void Add(ISufficientStatistics<VariationalParameters> other) => inner.Add(((VariationalStatistics)other).Inner);

    public int ScratchLength(int rows) => inner.ScratchLength(rows);
}
