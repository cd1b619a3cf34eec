namespace Mixtures.Cli.Plotting;

/// <summary>
/// The parameters a picture needs — weights, means and full covariances — from a Gaussian mixture, with
/// densities and the marginal on a pair (or one) of the features.
/// </summary>
internal sealed class MixtureView
{
    private readonly double[][,] _choleskyLower;
    private readonly double[] _logNorm;

    public MixtureView(double[] weights, double[,] means, double[,,] covariances)
    {
        Weights = weights;
        Means = means;
        Covariances = covariances;
        int k = weights.Length, d = means.GetLength(1);
        _choleskyLower = new double[k][,];
        _logNorm = new double[k];
        for (int c = 0; c < k; c++)
        {
            _choleskyLower[c] = SmallMatrix.Cholesky(Covariance(c));
            double logDet = 0;
            for (int j = 0; j < d; j++) logDet += Math.Log(_choleskyLower[c][j, j]);
            _logNorm[c] = Math.Log(Math.Max(weights[c], 1e-300)) - 0.5 * d * Math.Log(2 * Math.PI) - logDet;
        }
    }

    public double[] Weights { get; }
    public double[,] Means { get; }
    public double[,,] Covariances { get; }
    public int Components => Weights.Length;
    public int Features => Means.GetLength(1);

    /// <summary>Whether component c is switched off: its weight is below <see cref="Output.FitReport.OffWeight"/>, as a variational fit leaves the components the data do not need.</summary>
    public bool IsOff(int c) => Weights[c] < Output.FitReport.OffWeight;

    /// <summary>The legend's note on the components left out of the picture, or null when every one is drawn.</summary>
    public string? OffNote()
    {
        var off = Enumerable.Range(0, Components).Where(IsOff).ToList();
        if (off.Count == 0) return null;
        var which = off.Count == 1 ? $"component {off[0]}" : $"{off.Count} components ({string.Join(", ", off)})";
        return $"{which} with weight < {Output.FitReport.OffWeight:G}: switched off, not drawn";
    }

    public static MixtureView FromModel(GaussianMixtureModel model) => new(model.Weights, model.Means, model.Covariances);

    public double[,] Covariance(int c)
    {
        int d = Features;
        var m = new double[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                m[i, j] = Covariances[c, i, j];
        return m;
    }

    /// <summary>The mixture's marginal on the given features (in that order).</summary>
    public MixtureView Marginal(params int[] features)
    {
        int k = Components, m = features.Length;
        var means = new double[k, m];
        var cov = new double[k, m, m];
        for (int c = 0; c < k; c++)
            for (int i = 0; i < m; i++)
            {
                means[c, i] = Means[c, features[i]];
                for (int j = 0; j < m; j++) cov[c, i, j] = Covariances[c, features[i], features[j]];
            }
        return new MixtureView(Weights, means, cov);
    }

    /// <summary>log(weight_c * N(x | mean_c, cov_c)).</summary>
    public double WeightedLogDensity(int c, ReadOnlySpan<double> x)
    {
        int d = Features;
        var l = _choleskyLower[c];
        Span<double> y = d <= 64 ? stackalloc double[d] : new double[d];
        double q = 0;
        for (int i = 0; i < d; i++)
        {
            double s = x[i] - Means[c, i];
            for (int k = 0; k < i; k++) s -= l[i, k] * y[k];
            y[i] = s / l[i, i];
            q += y[i] * y[i];
        }
        return _logNorm[c] - 0.5 * q;
    }

    /// <summary>Mixture density at x.</summary>
    public double Density(ReadOnlySpan<double> x)
    {
        double s = 0;
        for (int c = 0; c < Components; c++) s += Math.Exp(WeightedLogDensity(c, x));
        return s;
    }

    /// <summary>Most responsible component of every row of x.</summary>
    public int[] Predict(double[,] x)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var labels = new int[n];
        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) row[j] = x[i, j];
            double best = double.NegativeInfinity;
            for (int c = 0; c < Components; c++)
            {
                double v = WeightedLogDensity(c, row);
                if (v > best) (best, labels[i]) = (v, c);
            }
        }
        return labels;
    }
}
