namespace Mixtures.Cli.Io;

/// <summary>
/// Where a covariance type keeps each component's precision in scikit-learn's <c>precisions_init</c> layout:
/// one matrix per component, one matrix shared by all, or one row per component holding a value per feature
/// or a single value. It is read from how <see cref="CovarianceTypes.InitialPrecisionsShape"/> grows with K
/// and D, asked at K = 2, D = 3, where no two layouts look alike (at K = D, K rows of D values have the shape
/// of a shared D x D matrix). So the tool knows no covariance type by name.
/// </summary>
/// <param name="MatrixPerComponent">K matrices, one per component.</param>
/// <param name="RowPerComponent">One matrix whose row k belongs to component k.</param>
/// <param name="ValuePerFeature">A column per feature (else one value per row: a plain array in the file).</param>
internal readonly record struct PrecisionLayout(bool MatrixPerComponent, bool RowPerComponent, bool ValuePerFeature)
{
    private const int ProbeComponents = 2, ProbeFeatures = 3;

    public static PrecisionLayout Of(CovarianceType type)
    {
        var (matrices, rows, columns) = CovarianceTypes.InitialPrecisionsShape(type, ProbeComponents, ProbeFeatures);
        return new PrecisionLayout(matrices == ProbeComponents, rows == ProbeComponents, columns == ProbeFeatures);
    }

    /// <summary>One matrix's shape in symbols, as messages give it: "D x D", "K x D" or "K".</summary>
    public string MatrixSymbols => (RowPerComponent ? "K" : "D") + (ValuePerFeature ? " x D" : "");

    /// <summary>The whole shape in symbols: "K x D x D" for a matrix per component, else <see cref="MatrixSymbols"/>.</summary>
    public string Symbols => MatrixPerComponent ? $"K x {MatrixSymbols}" : MatrixSymbols;

    /// <summary>The full precision matrix [D, D] of component <paramref name="k"/>, from matrices in this layout.</summary>
    public double[,] FullPrecision(double[][,] matrices, int k, int features)
    {
        if (MatrixPerComponent) return (double[,])matrices[k].Clone();
        if (!RowPerComponent) return (double[,])matrices[0].Clone();
        var p = new double[features, features];
        for (int j = 0; j < features; j++) p[j, j] = matrices[0][k, ValuePerFeature ? j : 0];
        return p;
    }
}
