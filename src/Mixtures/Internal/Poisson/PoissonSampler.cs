namespace Mixtures.Internal.Poisson;

/// <summary>
/// Poisson draws: multiplication of uniforms (Knuth) below rate 10, Hormann's PTRS
/// transformed rejection (as numpy uses) from 10 on.
/// </summary>
internal static class PoissonSampler
{
    public static double Next(Random rng, double rate)
    {
        if (!(rate > 0)) return 0;
        if (rate < 10)
        {
            double limit = Math.Exp(-rate), prod = rng.NextDouble();
            int n = 0;
            while (prod > limit)
            {
                n++;
                prod *= rng.NextDouble();
            }
            return n;
        }
        double slam = Math.Sqrt(rate), logLam = Math.Log(rate);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            double u = rng.NextDouble() - 0.5, v = rng.NextDouble(), us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + rate + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.Log(v) + Math.Log(invAlpha) - Math.Log(a / (us * us) + b) <= -rate + k * logLam - LogFactorial.Of(k))
                return k;
        }
    }
}
