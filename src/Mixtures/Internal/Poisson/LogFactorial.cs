namespace Mixtures.Internal.Poisson;

/// <summary>ln n! for non-negative integers: a table for small n, Stirling's series beyond.</summary>
internal static class LogFactorial
{
    const int TableSize = 1024;
    static readonly double[] Table = Build();

    static double[] Build()
    {
        var t = new double[TableSize];
        double s = 0;
        for (int i = 1; i < TableSize; i++)
        {
            s += Math.Log(i);
            t[i] = s;
        }
        return t;
    }

    /// <summary>ln n! of a non-negative integer value (given as a double).</summary>
    public static double Of(double n)
    {
        if (n < TableSize) return Table[(int)n];
        // Stirling: ln n! = n ln n - n + 0.5 ln(2 pi n) + 1/(12n) - 1/(360n^3) + 1/(1260 n^5); error < 1e-18 here.
        double inv = 1 / n, inv2 = inv * inv;
        return n * Math.Log(n) - n + 0.5 * Math.Log(2 * Math.PI * n) + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }

    /// <summary>-sum_d ln x_d! of one row of counts.</summary>
    public static double NegativeRowSum(ReadOnlySpan<double> row)
    {
        double s = 0;
        foreach (double v in row)
            if (v > 1) s += Of(v);
        return -s;
    }
}
