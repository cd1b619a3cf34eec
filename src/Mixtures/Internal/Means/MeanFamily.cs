using Mixtures.Data;
using Mixtures.Internal.Data;

namespace Mixtures.Internal.Means;

/// <summary>
/// What the Bernoulli and Poisson families share for the EM loop: statistics R_k and S_k,
/// N_k = R_k + 10 eps, weights N_k / sum N, a per-family mean formula, emptied components
/// reported for re-seeding, and p = K D + K - 1.
/// </summary>
internal abstract class MeanFamily : IMixtureFamily<MeanParameters>
{
    protected static readonly double Eps = Math.Pow(2, -52);
    readonly long _rows;
    readonly double _totalWeight;

    readonly LinearEvaluator.MeanTerms _terms;
    readonly LinearEvaluator.RowTerm? _rowTerm;

    /// <param name="components">K.</param>
    /// <param name="data">The rows (the data mean is taken once, for re-seeding).</param>
    /// <param name="totalWeight">Sum of the sample weights.</param>
    /// <param name="terms">The family's log-density as a function of one mean (see <see cref="LinearEvaluator.For"/>).</param>
    /// <param name="rowTerm">The component-independent part of a row's log-density, if any.</param>
    protected MeanFamily(int components, IRowSource data, double totalWeight, LinearEvaluator.MeanTerms terms, LinearEvaluator.RowTerm? rowTerm)
    {
        _terms = terms;
        _rowTerm = rowTerm;
        Components = components;
        Features = data.Features;
        _rows = data.Rows;
        _totalWeight = totalWeight;
        DataMean = WeightedMean(data, totalWeight);
    }

    public int Components { get; }
    public int Features { get; }
    public int ParameterCount => MeanParameters.ParameterCount(Components, Features);

    /// <summary>Weighted mean of the data per feature (D), used when re-seeding.</summary>
    protected double[] DataMean { get; }

    public IComponentEvaluator CreateEvaluator(MeanParameters parameters) => LinearEvaluator.For(parameters, _terms, _rowTerm);

    /// <summary>The component mean from S_kd and N_k.</summary>
    protected abstract double Mean(double weightedSum, double nk);

    /// <summary>A fresh component's mean from a data value and the data mean of that feature.</summary>
    protected abstract double ReseedMean(double point, double dataMean);

    public ISufficientStatistics<MeanParameters> CreateStatistics() => new MeanStatistics<MeanParameters>(Components, Features);

    public MeanParameters? MStep(ISufficientStatistics<MeanParameters> total, MeanParameters? previous, List<Degeneracy> degenerate)
    {
        var st = (MeanStatistics<MeanParameters>)total;
        int k = Components, d = Features;
        var weights = new double[k];
        var means = new double[k * d];
        double nSum = 0;
        for (int c = 0; c < k; c++)
        {
            double nk = st.R[c] + 10 * Eps;
            weights[c] = nk;
            nSum += nk;
            for (int j = 0; j < d; j++) means[c * d + j] = Mean(st.S[c * d + j], nk);
        }
        for (int c = 0; c < k; c++) weights[c] /= nSum;

        // As in the Gaussian family: only a component whose responsibilities all underflowed is re-seeded.
        if (_rows >= 2 * k)
            for (int c = 0; c < k; c++)
                if (st.R[c] < 10 * Eps)
                    degenerate.Add(new Degeneracy(c, $"Component {c} emptied (no sample has a responsibility above underflow).", false));
        return new MeanParameters(k, d, weights, means);
    }

    public MeanParameters Reseed(MeanParameters p, int component, ReadOnlySpan<double> point)
    {
        int k = p.K, d = p.D;
        var weights = (double[])p.Weights.Clone();
        var means = (double[])p.Means.Clone();
        for (int j = 0; j < d; j++) means[component * d + j] = ReseedMean(point[j], DataMean[j]);
        weights[component] = 1.0 / k;
        double sum = 0;
        foreach (double w in weights) sum += w;
        for (int c = 0; c < k; c++) weights[c] /= sum;
        return new MeanParameters(k, d, weights, means);
    }

    static double[] WeightedMean(IRowSource data, double totalWeight)
    {
        int d = data.Features;
        var mean = new double[d];
        RowScan.InOrder(data, (_, n, range) =>
        {
            for (int i = 0; i < n; i++)
            {
                double wi = range.Weight(i);
                if (wi == 0) continue;
                var row = range.Values.Slice(i * d, d);
                for (int j = 0; j < d; j++) mean[j] += wi * row[j];
            }
        });
        for (int j = 0; j < d; j++) mean[j] /= totalWeight;
        return mean;
    }
}
