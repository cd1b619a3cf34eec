using Mixtures.Internal.Kernels;

namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// What mclust's covariance models share. Each stores the full matrix Sigma_k = lambda_k D_k A_k D_k^T of
/// every component (mclust's shapes in the model JSON: [K][D][D], whatever the model shares), so the E-step
/// uses the per-component triangular kernels. A model writes Sigma_k from the scatter matrices W_k in
/// <see cref="Fit"/>, reports mclust's failure rules through <see cref="MStepInputs.Failures"/>, and
/// reg_covar (0 for mclust's numbers) is added to the diagonal afterwards.
/// </summary>
internal abstract class MclustCovariance() : TriangularCovariance(perComponent: true)
{
    /// <summary>mclust's eps (emControl: .Machine$double.eps) and the tolerance of the inner M-step iterations, sqrt(eps).</summary>
    protected const double Eps = 2.220446049250313e-16, InnerTolerance = 1.4901161193847656e-08;

    /// <summary>mclust's itmax[2]: the inner iterations run until the tolerance is met.</summary>
    protected const int InnerMaxIterations = int.MaxValue;

    /// <summary>mclust's starting value of the previous objective in the EM loop and in the inner loops.</summary>
    protected const double FarAway = double.MaxValue / 2;

    public override MomentShape Moments => MomentShape.Full;
    public override bool NeedsDataScatter => false;
    public override (int Matrices, int Rows, int Columns) PrecisionsInitShape(int k, int d) => (k, d, d);

    /// <summary>The number of features the model applies to, or the problem (E and V are for D = 1 only).</summary>
    public virtual string? CheckFeatures(int d) => null;

    /// <summary>Writes the K full covariances (no reg_covar) and lists failed rules in the inputs.</summary>
    protected abstract void Fit(MStepInputs inputs, Span<double> sigma);

    public override void Estimate(MStepInputs inputs, Span<double> covariances)
    {
        Fit(inputs, covariances);
        int d = inputs.D;
        if (inputs.Reg != 0)
            for (int c = 0; c < inputs.K; c++)
                for (int j = 0; j < d; j++) covariances[c * d * d + j * d + j] += inputs.Reg;
    }

    public override void Reseed(Span<double> covariances, int c, int d, ReadOnlySpan<double> variances) =>
        DiagonalBlock(covariances, c, d, variances);

    public override void FromFull(ReadOnlySpan<double> full, Span<double> covariances, int k, int d) =>
        full[..(k * d * d)].CopyTo(covariances);

    /// <summary>The geometric mean (prod v_j)^(1/n), through logarithms so that it cannot overflow.</summary>
    internal static double GeometricMean(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (double x in v) s += Math.Log(x);
        return Math.Exp(s / v.Length);
    }

    /// <summary>Sigma = lambda G diag(a) G^T, G's columns the axes (row-major D x D).</summary>
    protected static void Compose(Span<double> sigma, double lambda, ReadOnlySpan<double> g, ReadOnlySpan<double> a, int d)
    {
        for (int i = 0; i < d; i++)
            for (int j = 0; j <= i; j++)
            {
                double s = 0;
                for (int m = 0; m < d; m++) s += g[i * d + m] * a[m] * g[j * d + m];
                sigma[i * d + j] = lambda * s;
                sigma[j * d + i] = lambda * s;
            }
    }

    /// <summary>Sigma = lambda diag(a).</summary>
    protected static void ComposeDiagonal(Span<double> sigma, double lambda, ReadOnlySpan<double> a, int d)
    {
        sigma[..(d * d)].Clear();
        for (int j = 0; j < d; j++) sigma[j * d + j] = lambda * a[j];
    }

    /// <summary>Eigenvalues (decreasing) and eigenvectors of every W_k, flat [K][D] and [K][D][D].</summary>
    protected static (double[] Values, double[] Vectors) ScatterEigen(MStepInputs inputs)
    {
        int k = inputs.K, d = inputs.D;
        var values = new double[k * d];
        var vectors = new double[k * d * d];
        var w = new double[d * d];
        for (int c = 0; c < k; c++)
        {
            inputs.Scatter(c, w);
            SymmetricEigen.Decompose(w, d, values.AsSpan(c * d, d), vectors.AsSpan(c * d * d, d * d));
        }
        return (values, vectors);
    }

    /// <summary>mclust's rule for volumes and shapes: fails when any value is at or below <paramref name="floor"/>.</summary>
    protected static void RequireAbove(MStepInputs inputs, int c, ReadOnlySpan<double> values, double floor, string rule)
    {
        foreach (double v in values)
            if (!(v > floor))
            {
                inputs.Failures.Add((c, rule));
                return;
            }
    }
}
