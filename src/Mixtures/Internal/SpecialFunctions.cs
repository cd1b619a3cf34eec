namespace Mixtures.Internal;

/// <summary>
/// ln Gamma and digamma for positive arguments, which the variational Gaussian mixture needs and the
/// BCL lacks. Small arguments are shifted up by the recurrences until the asymptotic (Stirling) series
/// is accurate to about 1e-17 at the cut-off, so both are good to a few ulps of their largest term
/// (about 5e-15 absolute for ln Gamma near its zeros at 1 and 2, where the shift cancels).
/// </summary>
internal static class SpecialFunctions
{
    /// <summary>Where the asymptotic series take over: their first omitted term is below 1e-16 there.</summary>
    const double Asymptotic = 10.0;
    static readonly double HalfLn2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>ln Gamma(x) for x &gt; 0.</summary>
    public static double LnGamma(double x)
    {
        if (!(x > 0)) return double.NaN;
        // lnGamma(x) = lnGamma(x + n) - ln(x (x + 1) ... (x + n - 1)); the product stays far from overflow below the cut-off.
        double product = 1;
        while (x < Asymptotic)
        {
            product *= x;
            x += 1;
        }
        double inv = 1 / x, inv2 = inv * inv;
        // Stirling's series: 1/(12x) - 1/(360x^3) + 1/(1260x^5) - 1/(1680x^7) + 1/(1188x^9) - 691/(360360x^11) + 1/(156x^13)
        double series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
            + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156)))))));
        return (x - 0.5) * Math.Log(x) - x + HalfLn2Pi + series - Math.Log(product);
    }

    /// <summary>psi(x) = d/dx ln Gamma(x) for x &gt; 0.</summary>
    public static double Digamma(double x)
    {
        if (!(x > 0)) return double.NaN;
        double shift = 0;
        while (x < Asymptotic)
        {
            shift += 1 / x;
            x += 1;
        }
        double inv = 1 / x, inv2 = inv * inv;
        // ln x - 1/(2x) - 1/(12x^2) + 1/(120x^4) - 1/(252x^6) + 1/(240x^8) - 1/(132x^10) + 691/(32760x^12) - 1/(12x^14)
        double series = inv2 * (-1.0 / 12 + inv2 * (1.0 / 120 + inv2 * (-1.0 / 252 + inv2 * (1.0 / 240
            + inv2 * (-1.0 / 132 + inv2 * (691.0 / 32760 + inv2 * (-1.0 / 12)))))));
        return Math.Log(x) - 0.5 * inv + series - shift;
    }

    /// <summary>ln B(a, b) = lnGamma(a) + lnGamma(b) - lnGamma(a + b).</summary>
    public static double LnBeta(double a, double b) => LnGamma(a) + LnGamma(b) - LnGamma(a + b);
}
