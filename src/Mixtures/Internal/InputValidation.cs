namespace Mixtures.Internal;

/// <summary>Checks of user data that name the row and column at fault.</summary>
internal static class InputValidation
{
    // The jagged and row-major overloads of Fit and the scoring methods convert here and then take the
    // double[,] path, so every data error (no rows, no columns, a NaN at row i, column j, the wrong
    // feature count) has one wording whichever shape the caller used; only the shape errors that a
    // rectangular array cannot have (a null or ragged row, a length that is not whole rows) are new.

    /// <summary>Copies jagged rows into a matrix; a null or ragged row is named by its index.</summary>
    public static double[,] ToMatrix(double[][]? x, string paramName = "x")
    {
        ArgumentNullException.ThrowIfNull(x, paramName);
        if (x.Length == 0)
            throw new ArgumentException("The data has no samples (zero rows).", paramName);
        int d = (x[0] ?? throw new ArgumentException("Row 0 is null.", paramName)).Length;
        if (d == 0)
            throw new ArgumentException("The data has no features (zero columns).", paramName);
        var m = new double[x.Length, d];
        var flat = MatrixSpan.Flat(m);
        for (int i = 0; i < x.Length; i++)
        {
            var row = x[i] ?? throw new ArgumentException($"Row {i} is null.", paramName);
            if (row.Length != d)
                throw new ArgumentException(
                    $"Row {i} has {row.Length} values but row 0 has {d}; every row needs the same number of features.", paramName);
            row.CopyTo(flat.Slice(i * d, d));
        }
        return m;
    }

    /// <summary>Copies row-major values (<paramref name="features"/> per row) into a matrix.</summary>
    public static double[,] ToMatrix(ReadOnlyMemory<double> x, int features, string paramName = "x")
    {
        if (features <= 0)
            throw new ArgumentOutOfRangeException(nameof(features), features, "features (values per row) must be at least 1.");
        if (x.Length == 0)
            throw new ArgumentException("The data has no samples (zero rows).", paramName);
        if (x.Length % features != 0)
            throw new ArgumentException(
                $"The data has {x.Length} values, which is not a whole number of rows of {features} features.", paramName);
        var m = new double[x.Length / features, features];
        x.Span.CopyTo(MatrixSpan.Flat(m));
        return m;
    }

    public static void RequireData(double[,]? x, string paramName = "x")
    {
        ArgumentNullException.ThrowIfNull(x, paramName);
        if (x.GetLength(1) == 0)
            throw new ArgumentException("The data has no features (zero columns).", paramName);
        if (x.GetLength(0) == 0)
            throw new ArgumentException("The data has no samples (zero rows).", paramName);
        var flat = MatrixSpan.Flat(x);
        int d = x.GetLength(1);
        if (AllFinite(flat)) return;
        for (int i = 0; i < flat.Length; i++)
        {
            if (!double.IsFinite(flat[i]))
                throw new ArgumentException(
                    $"Row {i / d}, column {i % d}: {flat[i]} is not a finite number; remove or impute it.", paramName);
        }
    }

    /// <summary>The index of the first NaN or infinite value, or -1.</summary>
    public static int FirstNonFinite(ReadOnlySpan<double> v)
    {
        if (AllFinite(v)) return -1;
        for (int i = 0; i < v.Length; i++)
            if (!double.IsFinite(v[i])) return i;
        return -1;
    }

    /// <summary>True when no value is NaN or infinite (v - v is 0 exactly for finite v, NaN otherwise).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    static bool AllFinite(ReadOnlySpan<double> v)
    {
        int i = 0;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            var acc = System.Runtime.Intrinsics.Vector256<double>.Zero;
            for (; i <= v.Length - 16; i += 16)
            {
                var a = System.Runtime.Intrinsics.Vector256.Create(v[i..]);
                var b = System.Runtime.Intrinsics.Vector256.Create(v[(i + 4)..]);
                var c = System.Runtime.Intrinsics.Vector256.Create(v[(i + 8)..]);
                var e = System.Runtime.Intrinsics.Vector256.Create(v[(i + 12)..]);
                acc += (a - a) + (b - b) + (c - c) + (e - e);
            }
            if (!System.Runtime.Intrinsics.Vector256.EqualsAll(acc, System.Runtime.Intrinsics.Vector256<double>.Zero)) return false;
        }
        for (; i < v.Length; i++)
            if (!double.IsFinite(v[i])) return false;
        return true;
    }

    public static void RequireFeatures(double[,] x, int features, string paramName = "x")
    {
        RequireData(x, paramName);
        if (x.GetLength(1) != features)
            throw new ArgumentException(
                $"The data has {x.GetLength(1)} columns but the model was fitted on {features} features.", paramName);
    }

    /// <summary>Validates sample weights and returns their sum.</summary>
    public static double RequireWeights(double[]? w, int rows, string paramName = "sampleWeight")
    {
        if (w is null) return rows;
        if (w.Length != rows)
            throw new ArgumentException($"sampleWeight has {w.Length} entries but the data has {rows} rows.", paramName);
        double sum = 0;
        for (int i = 0; i < w.Length; i++)
        {
            if (!double.IsFinite(w[i]) || w[i] < 0)
                throw new ArgumentException($"sampleWeight[{i}] = {w[i]}: weights must be finite and non-negative.", paramName);
            sum += w[i];
        }
        if (!(sum > 0))
            throw new ArgumentException("sampleWeight sums to zero: at least one sample needs a positive weight.", paramName);
        return sum;
    }

    /// <summary>K components need at least K rows and K distinct points (with positive weight).</summary>
    public static void RequireEnoughPoints(double[,] x, double[]? w, int k, string paramName = "x")
    {
        int n = x.GetLength(0);
        if (n < k)
            throw new ArgumentException($"The data has {n} samples but {k} components were asked for; use at most {n} components.", paramName);
        int distinct = DistinctRows.CountUpTo(x, w, k);
        if (distinct < k)
            throw new ArgumentException($"The data has only {distinct} distinct points (with positive weight) but {k} components were asked for; use at most {distinct} components.", paramName);
    }
}
