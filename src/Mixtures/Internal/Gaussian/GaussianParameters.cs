using Mixtures.Internal.Gaussian.Covariance;

namespace Mixtures.Internal.Gaussian;

/// <summary>
/// Immutable, valid parameters of a Gaussian mixture, stored flat in the covariance model's layout
/// (scikit-learn's shapes for its four models). Every instance has positive definite covariances and
/// the precision factors that belong to them: the factories return null rather than anything else.
/// </summary>
internal sealed class GaussianParameters
{
    GaussianParameters(ICovarianceModel model, int k, int d, double[] weights, double[] means, double[] covariances, double[] precChol)
    {
        Model = model; K = k; D = d; Weights = weights; Means = means; Covariances = covariances; PrecisionsCholesky = precChol;
        LogDet = new double[k];
        for (int c = 0; c < k; c++) LogDet[c] = model.LogDet(precChol, c, d);
    }

    public ICovarianceModel Model { get; }
    public CovarianceType Type => Model.Type;
    public int K { get; }
    public int D { get; }
    public double[] Weights { get; }
    public double[] Means { get; }
    public double[] Covariances { get; }
    public double[] PrecisionsCholesky { get; }
    /// <summary>ln det U_k = 0.5 ln det precision_k.</summary>
    public double[] LogDet { get; }

    /// <summary>
    /// What a stateful covariance model carries to its next M-step (mclust's VEI, VEV, EVE, VVE: an immutable
    /// snapshot), or null. Kept with the parameters so restarts and parallel fits never share it.
    /// </summary>
    public object? ModelState { get; private init; }

    /// <summary>The same parameters carrying <paramref name="state"/> to the next M-step.</summary>
    public GaussianParameters WithModelState(object? state) =>
        state is null ? this : new(Model, K, D, Weights, Means, Covariances, PrecisionsCholesky) { ModelState = state };

    /// <summary>Number of free parameters, as scikit-learn counts them.</summary>
    public static int ParameterCount(ICovarianceModel model, int k, int d) => model.ParameterCount(k, d) + k * d + k - 1;

    /// <summary>
    /// Parameters from covariances; the precision factors are computed here. Returns null when a covariance
    /// is not positive definite, and adds every failing component (-1 for a shared matrix) to <paramref name="failed"/>.
    /// </summary>
    public static GaussianParameters? TryCreate(ICovarianceModel model, int k, int d, double[] weights, double[] means,
        double[] covariances, List<int>? failed = null)
    {
        var prec = new double[covariances.Length];
        var problems = failed ?? [];
        int before = problems.Count;
        model.Factor(covariances, prec, k, d, problems);
        return problems.Count == before ? new GaussianParameters(model, k, d, weights, means, covariances, prec) : null;
    }

    /// <summary>Parameters from precisions (inverse covariances), as an explicit initialization gives them.</summary>
    public static GaussianParameters? TryCreateFromPrecisions(ICovarianceModel model, int k, int d, double[] weights, double[] means,
        double[] precisions, List<int> failed)
    {
        var cov = new double[precisions.Length];
        return model.CovariancesFromPrecisions(precisions, cov, k, d, failed) ? TryCreate(model, k, d, weights, means, cov, failed) : null;
    }

    /// <summary>
    /// Parameters read from a model file, keeping the stored precision factors bit for bit. Checks
    /// that they are valid and agree with the covariances; otherwise null and the problem.
    /// </summary>
    public static GaussianParameters? Restore(ICovarianceModel model, int k, int d, double[] weights, double[] means,
        double[] covariances, double[] precChol, out string? problem)
    {
        problem = model.CheckStored(covariances, precChol, k, d);
        return problem is null ? new GaussianParameters(model, k, d, weights, means, covariances, precChol) : null;
    }

    /// <summary>The same covariances with other weights and means (explicit initial weights or means).</summary>
    public GaussianParameters WithWeightsAndMeans(double[] weights, double[] means) =>
        new(Model, K, D, weights, means, Covariances, PrecisionsCholesky) { ModelState = ModelState };

    /// <summary>Component c's covariance as a full D x D matrix (row-major).</summary>
    public void FullCovariance(int c, Span<double> output) => Model.ExpandCovariance(Covariances, c, D, output);

    /// <summary>Component c's precision factor U as a full D x D upper-triangular matrix.</summary>
    public void FullPrecisionCholesky(int c, Span<double> output) => Model.ExpandFactor(PrecisionsCholesky, c, D, output);
}
