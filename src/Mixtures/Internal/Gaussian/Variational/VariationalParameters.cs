using Mixtures.Internal.Gaussian.Covariance;

namespace Mixtures.Internal.Gaussian.Variational;

/// <summary>
/// Immutable parameters of the variational posterior (Bishop, PRML 10.2, as scikit-learn stores them): the
/// point-estimate Gaussian mixture (weights from the concentrations, means m_k, covariances Sigma_k =
/// W_k^-1 / nu_k and their precision factors), the weight concentrations (Dirichlet process: a_k, b_k;
/// Dirichlet distribution: c_k), the mean precisions beta_k and the degrees of freedom nu_k (K values,
/// equal for tied), with the priors of the fit. The E-step's per-component constants are computed once here.
/// </summary>
internal sealed class VariationalParameters
{
    VariationalParameters(GaussianParameters point, double[] concentration, double[]? concentrationB, double[] meanPrecision,
        double[] degreesOfFreedom, VariationalPriors priors)
    {
        Point = point;
        Concentration = concentration;
        ConcentrationB = concentrationB;
        MeanPrecision = meanPrecision;
        DegreesOfFreedom = degreesOfFreedom;
        Priors = priors;
        LogWeightTerms = ExpectedLogTerms();
    }

    public GaussianParameters Point { get; }
    public int K => Point.K;
    public int D => Point.D;
    /// <summary>Dirichlet process: a_k; Dirichlet distribution: c_k.</summary>
    public double[] Concentration { get; }
    /// <summary>Dirichlet process: b_k; Dirichlet distribution: null.</summary>
    public double[]? ConcentrationB { get; }
    public double[] MeanPrecision { get; }
    public double[] DegreesOfFreedom { get; }
    public VariationalPriors Priors { get; }

    /// <summary>
    /// What the E-step adds to each component's Gaussian terms in place of ln w_k: E[ln pi_k] - D/2 ln nu_k
    /// + 1/2 (D ln 2 + sum_{i &lt; D} psi((nu_k - i) / 2)) - D / (2 beta_k).
    /// </summary>
    public double[] LogWeightTerms { get; }

    /// <summary>The parameters of an update; null (and the components in <paramref name="failed"/>) when a covariance is not positive definite.</summary>
    public static VariationalParameters? TryCreate(ICovarianceModel model, double[] concentration, double[]? concentrationB,
        double[] meanPrecision, double[] means, double[] covariances, double[] degreesOfFreedom, VariationalPriors priors, List<int> failed)
    {
        int k = meanPrecision.Length, d = priors.Mean.Length;
        var point = GaussianParameters.TryCreate(model, k, d, PointWeights(concentration, concentrationB), means, covariances, failed);
        return point is null ? null : new VariationalParameters(point, concentration, concentrationB, meanPrecision, degreesOfFreedom, priors);
    }

    /// <summary>Parameters read from a model file around its point-estimate mixture (kept bit for bit).</summary>
    public static VariationalParameters Restore(GaussianParameters point, double[] concentration, double[]? concentrationB,
        double[] meanPrecision, double[] degreesOfFreedom, VariationalPriors priors) =>
        new(point, concentration, concentrationB, meanPrecision, degreesOfFreedom, priors);

    /// <summary>
    /// Point-estimate weights. Dirichlet distribution: c_k / sum c. Dirichlet process: the expected stick lengths
    /// a_k / (a_k + b_k) prod_{j &lt; k} b_j / (a_j + b_j), normalized so that the mass truncation leaves is spread.
    /// </summary>
    public static double[] PointWeights(double[] a, double[]? b)
    {
        int k = a.Length;
        var w = new double[k];
        double sum = 0;
        if (b is null)
        {
            foreach (double c in a) sum += c;
            for (int c = 0; c < k; c++) w[c] = a[c] / sum;
            return w;
        }
        double remaining = 1;
        for (int c = 0; c < k; c++)
        {
            double total = a[c] + b[c];
            w[c] = a[c] / total * remaining;
            remaining *= b[c] / total;
        }
        foreach (double v in w) sum += v;
        for (int c = 0; c < k; c++) w[c] /= sum;
        return w;
    }

    /// <summary>E[ln pi_k] (Dirichlet distribution or stick-breaking) plus the precision terms of the expected log-density.</summary>
    double[] ExpectedLogTerms()
    {
        int k = K, d = D;
        var e = new double[k];
        if (ConcentrationB is not { } b)
        {
            double sum = 0;
            foreach (double c in Concentration) sum += c;
            double psiSum = SpecialFunctions.Digamma(sum);
            for (int c = 0; c < k; c++) e[c] = SpecialFunctions.Digamma(Concentration[c]) - psiSum;
        }
        else
        {
            double before = 0;   // sum_{j < k} E[ln (1 - v_j)]
            for (int c = 0; c < k; c++)
            {
                double psiSum = SpecialFunctions.Digamma(Concentration[c] + b[c]);
                e[c] = SpecialFunctions.Digamma(Concentration[c]) - psiSum + before;
                before += SpecialFunctions.Digamma(b[c]) - psiSum;
            }
        }
        for (int c = 0; c < k; c++)
        {
            double nu = DegreesOfFreedom[c];
            e[c] += -0.5 * d * Math.Log(nu) + 0.5 * (ExpectedLogDetScaled(nu, d) - d / MeanPrecision[c]);
        }
        return e;
    }

    /// <summary>D ln 2 + sum_{i &lt; D} psi((nu - i) / 2): Bishop's E[ln |Lambda|] without ln |W|.</summary>
    static double ExpectedLogDetScaled(double nu, int d)
    {
        double s = 0;
        for (int i = 0; i < d; i++) s += SpecialFunctions.Digamma(0.5 * (nu - i));
        return d * Math.Log(2.0) + s;
    }
}
