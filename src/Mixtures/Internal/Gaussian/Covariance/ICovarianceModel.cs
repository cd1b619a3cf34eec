namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// One covariance model of the Gaussian family, plugged into <see cref="CovarianceModels"/>. It owns
/// everything that depends on how Sigma_k is parametrized: the stored shapes, the parameter count, the
/// M-step from the sufficient statistics, the precision factors and their checks, the packed form
/// handed to the E-step kernels, re-seeding and the full matrices that sampling and plots use.
/// Storage is flat, in scikit-learn's layout for the four scikit-learn models; a factor is the
/// upper-triangular U with precision = U U^T, or the diagonal 1/sqrt(variance).
/// </summary>
internal interface ICovarianceModel
{
    /// <summary>The public name of the model in the options.</summary>
    CovarianceType Type { get; }

    /// <summary>The name in the model JSON (<c>covariance_type</c>) and on the command line.</summary>
    string Name { get; }

    /// <summary>Length of the flat covariances and of the flat precision factors.</summary>
    int Length(int k, int d);

    /// <summary>Shape of <c>covariances</c> and <c>precisions_cholesky</c> in the model JSON.</summary>
    int[] Shape(int k, int d);

    /// <summary>Free covariance parameters (the means and weights are counted by the caller).</summary>
    int ParameterCount(int k, int d);

    /// <summary>The shape of explicit initial precisions, as scikit-learn's <c>precisions_init</c>.</summary>
    (int Matrices, int Rows, int Columns) PrecisionsInitShape(int k, int d);

    /// <summary>Which second moments the M-step reads from the statistics.</summary>
    MomentShape Moments { get; }

    /// <summary>Whether the M-step needs the data's scatter matrix (computed once per fit).</summary>
    bool NeedsDataScatter { get; }

    /// <summary>The packed form the E-step kernels receive.</summary>
    FactorLayout Layout { get; }

    /// <summary>The M-step: the covariances from the statistics and the new means (see <see cref="MStepInputs"/>).</summary>
    void Estimate(MStepInputs inputs, Span<double> covariances);

    /// <summary>Precision factors of <paramref name="covariances"/>; components that are not positive definite are added to <paramref name="failed"/> (-1 for a shared matrix).</summary>
    void Factor(ReadOnlySpan<double> covariances, Span<double> factors, int k, int d, List<int> failed);

    /// <summary>Covariances from precisions (inverse covariances, flat in the stored layout); false and the component if one is not positive definite.</summary>
    bool CovariancesFromPrecisions(ReadOnlySpan<double> precisions, Span<double> covariances, int k, int d, List<int> failed);

    /// <summary>Checks stored factors read from a file against the covariances; the problem, or null.</summary>
    string? CheckStored(ReadOnlySpan<double> covariances, ReadOnlySpan<double> factors, int k, int d);

    /// <summary>ln det U_c = 0.5 ln det precision_c.</summary>
    double LogDet(ReadOnlySpan<double> factors, int c, int d);

    /// <summary>Component c's covariance as a full D x D matrix (row-major).</summary>
    void ExpandCovariance(ReadOnlySpan<double> covariances, int c, int d, Span<double> output);

    /// <summary>Component c's precision factor as a full D x D upper-triangular matrix.</summary>
    void ExpandFactor(ReadOnlySpan<double> factors, int c, int d, Span<double> output);

    /// <summary>
    /// Factor <paramref name="index"/> as the kernels take it: the upper triangle of a D x D matrix
    /// (zeros below) for the triangular layouts, D entries for the diagonal one.
    /// </summary>
    void PackFactor(ReadOnlySpan<double> factors, int index, int d, Span<double> output);

    /// <summary>Gives component <paramref name="c"/> a fresh covariance with the given per-feature variances.</summary>
    void Reseed(Span<double> covariances, int c, int d, ReadOnlySpan<double> variances);

    /// <summary>The stored covariances from full matrices [K, D, D] (flat), keeping what the model keeps.</summary>
    void FromFull(ReadOnlySpan<double> full, Span<double> covariances, int k, int d);
}

/// <summary>The second moments a covariance model reads from the sufficient statistics.</summary>
internal enum MomentShape
{
    /// <summary>None: the model uses the data's scatter matrix instead (tied).</summary>
    None,
    /// <summary>Per component, the diagonal of sum r (x - s)(x - s)^T.</summary>
    Diagonal,
    /// <summary>Per component, the lower triangle of sum r (x - s)(x - s)^T.</summary>
    Full,
}

/// <summary>How precision factors are handed to the E-step kernels.</summary>
internal enum FactorLayout
{
    /// <summary>One upper-triangular D x D factor per component.</summary>
    TriangularPerComponent,
    /// <summary>One upper-triangular D x D factor shared by all components.</summary>
    TriangularShared,
    /// <summary>D diagonal entries per component.</summary>
    DiagonalPerComponent,
}
