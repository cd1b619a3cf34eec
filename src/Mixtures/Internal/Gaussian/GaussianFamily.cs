using Mixtures.Data;
using Mixtures.Internal.Data;
using Mixtures.Internal.Gaussian.Covariance;

namespace Mixtures.Internal.Gaussian;

/// <summary>
/// The Gaussian family for the EM loop: means and weights from centred statistics, the covariances
/// from the covariance model plugged in, degeneracy checks and re-seeding.
/// </summary>
internal sealed class GaussianFamily : IMixtureFamily<GaussianParameters>
{
    readonly ICovarianceModel _model;
    readonly double _reg;
    readonly long _rows;
    readonly double _totalWeight;
    readonly double[] _dataMean;      // weighted mean of the data (D)
    readonly double[] _dataVariance;  // weighted per-feature variance, for re-seeding (D)
    readonly double[] _scatter;       // tied only: sum_n w_n (x_n - c)(x_n - c)^T, c = data mean

    public GaussianFamily(ICovarianceModel model, int components, IRowSource data, double totalWeight, double regCovar)
    {
        _model = model;
        Components = components;
        Features = data.Features;
        _reg = regCovar;
        _rows = data.Rows;
        _totalWeight = totalWeight;
        (_dataMean, _dataVariance, _scatter) = DataMoments.Compute(data, totalWeight, model.NeedsDataScatter);
        RequireRepresentableScale(data, regCovar);
    }

    /// <summary>
    /// Variances must be representable in double precision: values whose squares overflow
    /// (|x| beyond ~1e150 spread) or spreads whose squares underflow (below ~1e-154) cannot be fitted
    /// faithfully, so they are refused with the column and the remedy rather than fitted to a NaN
    /// or meaningless model.
    /// </summary>
    const double SmallestNormal = 2.2250738585072014E-308;

    void RequireRepresentableScale(IRowSource x, double regCovar)
    {
        for (int j = 0; j < Features; j++)
        {
            double m = _dataMean[j], v = _dataVariance[j];
            if (!double.IsFinite(m) || !double.IsFinite(v) || (_scatter.Length > 0 && !double.IsFinite(_scatter[j * Features + j])))
                throw new ArgumentException(
                    $"Column {j}: values up to {MaxAbs(x, j):G3} are too large; their variance overflows double precision. Scale the data (for example divide it by {Math.Pow(10, Math.Ceiling(Math.Log10(MaxAbs(x, j))) - 3):G1}).", "x");
            bool constant = v == 0 && IsConstant(x, j);
            if (!constant && v < SmallestNormal * 1e3)
                throw new ArgumentException(
                    $"Column {j}: the spread of the values (variance {v:G3}) is too small for double precision. Scale the data up.", "x");
            if (constant && regCovar == 0)
                throw new ArgumentException(
                    $"Column {j} is constant and reg_covar is 0, so every covariance would be singular. Use reg_covar > 0 or drop the column.", "x");
        }
    }

    static bool IsConstant(IRowSource x, int j)
    {
        double first = double.NaN;
        bool constant = true;
        int d = x.Features;
        RowScan.InOrder(x, (start, n, range) =>
        {
            if (start == 0) first = range.Values[j];
            for (int i = 0; i < n && constant; i++) constant = range.Values[i * d + j] == first;
        });
        return constant;
    }

    static double MaxAbs(IRowSource x, int j)
    {
        double m = 0;
        int d = x.Features;
        RowScan.InOrder(x, (_, n, range) =>
        {
            for (int i = 0; i < n; i++) m = Math.Max(m, Math.Abs(range.Values[i * d + j]));
        });
        return m;
    }

    public int Components { get; }
    public int Features { get; }

    /// <summary>Weighted mean of the data (D), computed once per fit.</summary>
    public ReadOnlySpan<double> DataMean => _dataMean;
    public int ParameterCount => GaussianParameters.ParameterCount(_model, Components, Features);

    public IComponentEvaluator CreateEvaluator(GaussianParameters parameters) => new GaussianEvaluator(parameters);

    public ISufficientStatistics<GaussianParameters> CreateStatistics() => new GaussianStatistics(_model.Moments, Components, Features) { Centre = _dataMean };

    public GaussianParameters? MStep(ISufficientStatistics<GaussianParameters> total, GaussianParameters? previous, List<Degeneracy> degenerate)
    {
        var st = (GaussianStatistics)total;
        int k = Components, d = Features;
        var (nk, nSum, means, cov, inputs) = Estimate(st, previous?.ModelState);
        var weights = new double[k];
        for (int c = 0; c < k; c++) weights[c] = nk[c] / nSum;

        if (MclustRules) AddMclustFailures(st, inputs, degenerate);

        // Only what is really degenerate is re-seeded: a covariance failing Cholesky after reg_covar (below)
        // or a component whose responsibilities all underflowed, so that its weight is the 10 eps floor and
        // its mean says nothing about the data. A small component is left to go on, as scikit-learn does:
        // it often recovers, and moving it made fits end below scikit-learn's (issue 17, item 12).
        if (_rows >= 2 * k)
            for (int c = 0; c < k; c++)
                if (st.R[c] < 10 * Eps)
                    degenerate.Add(new Degeneracy(c, $"Component {c} emptied (no sample has a responsibility above underflow).", false));

        var failed = new List<int>();
        var p = GaussianParameters.TryCreate(_model, k, d, weights, means, cov, failed);
        if (p is not null) return p.WithModelState(inputs.State);
        foreach (int c in failed)
            degenerate.Add(new Degeneracy(c, c < 0
                ? "The shared (tied) covariance is not positive definite after adding reg_covar."
                : $"The covariance of component {c} is not positive definite after adding reg_covar.", true));
        // The failed components are re-seeded (or the fit stops) before these parameters are used; until
        // then they hold a fresh covariance, so that what is returned is a valid parameter set.
        if (failed.Contains(-1)) return previous;
        foreach (int c in failed) _model.Reseed(cov, c, d, ReseedVariances());
        return GaussianParameters.TryCreate(_model, k, d, weights, means, cov) ?? previous;
    }

    /// <summary>
    /// The maximum-likelihood estimates from merged statistics: N_k (with scikit-learn's 10 eps), their sum,
    /// the means and the covariance model's covariances (reg_covar included). The M-step, and the start of
    /// the variational update, which turns them into posterior parameters.
    /// </summary>
    public (double[] Nk, double NSum, double[] Means, double[] Covariances, MStepInputs Inputs) Estimate(GaussianStatistics st, object? state = null)
    {
        int k = Components, d = Features;
        var nk = new double[k];
        var means = new double[k * d];
        var delta = new double[k * d];   // new mean - shift
        double nSum = 0;
        for (int c = 0; c < k; c++)
        {
            nk[c] = st.R[c] + 10 * Eps;
            nSum += nk[c];
            for (int j = 0; j < d; j++)
            {
                double s = st.Shift[c * d + j];
                double m = (st.A[c * d + j] + st.R[c] * s) / nk[c];
                means[c * d + j] = m;
                delta[c * d + j] = m - s;
            }
        }
        var cov = new double[_model.Length(k, d)];
        // A model with state between M-steps (mclust's VEI, VEV, EVE, VVE) reads the previous state and leaves its own.
        var inputs = new MStepInputs(st, nk, nSum, means, delta, _dataMean, _scatter, _reg, k, d) { State = state };
        _model.Estimate(inputs, cov);
        return (nk, nSum, means, cov, inputs);
    }

    static double Eps => Math.Pow(2, -52);

    /// <summary>
    /// mclust's failure rules apply to its models without regularization (mclust adds none): where mclust
    /// gives up, the fit stops with the component and the rule, instead of being re-seeded.
    /// </summary>
    bool MclustRules => _reg == 0 && _model is MclustCovariance;

    static void AddMclustFailures(GaussianStatistics st, MStepInputs inputs, List<Degeneracy> degenerate)
    {
        double floor = Math.Sqrt(Eps);
        for (int c = 0; c < inputs.K; c++)
            if (st.R[c] <= floor)
                degenerate.Add(new Degeneracy(c, $"Component {c}: mixing proportion fell below threshold (mclust's rule n_k <= sqrt(eps)).", true, Abort: true));
        foreach (var (c, rule) in inputs.Failures)
            degenerate.Add(new Degeneracy(c, c < 0 ? $"Shared covariance: singular covariance ({rule})." : $"Component {c}: singular covariance ({rule}).", true, Abort: true));
    }

    public GaussianParameters Reseed(GaussianParameters p, int component, ReadOnlySpan<double> point)
    {
        int k = p.K, d = p.D;
        var weights = (double[])p.Weights.Clone();
        var means = (double[])p.Means.Clone();
        var cov = (double[])p.Covariances.Clone();
        point.CopyTo(means.AsSpan(component * d, d));
        weights[component] = 1.0 / k;
        double sum = 0;
        foreach (double w in weights) sum += w;
        for (int c = 0; c < k; c++) weights[c] /= sum;
        _model.Reseed(cov, component, d, ReseedVariances());
        return GaussianParameters.TryCreate(_model, k, d, weights, means, cov)
            ?? throw new DegenerateFitException($"Component {component} could not be re-seeded. Try scaling the data.", component);
    }

    double[] ReseedVariances()
    {
        var v = new double[Features];
        for (int j = 0; j < v.Length; j++) v[j] = ReseedVariance(j);
        return v;
    }

    /// <summary>A fresh component gets the data's spread along each feature (never zero).</summary>
    double ReseedVariance(int j)
    {
        double v = _dataVariance[j] + _reg;
        return v > 0 && double.IsFinite(v) ? v : 1.0;
    }
}
