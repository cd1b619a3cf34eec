namespace Mixtures;

/// <summary>
/// A fitted mixture of any family (Gaussian, Bernoulli, Poisson): immutable and safe to use from
/// many threads at once.
/// </summary>
public interface IMixtureModel
{
    /// <summary>"gaussian", "bernoulli" or "poisson", as written in the model JSON.</summary>
    string Family { get; }

    /// <summary>Number of components K.</summary>
    int Components { get; }

    /// <summary>Number of features D.</summary>
    int Features { get; }

    /// <summary>Mixing weights [K] (a copy); they sum to 1.</summary>
    double[] Weights { get; }

    /// <summary>Component means [K, D] (a copy).</summary>
    double[,] Means { get; }

    /// <summary>
    /// Mean log-likelihood per sample of the kept run's last E-step; for a variational fit, scikit-learn's
    /// lower bound (a total over the data) after the last update.
    /// </summary>
    double LowerBound { get; }

    /// <summary>The lower bound of every iteration of the kept run, for learning curves (a copy).</summary>
    double[] LowerBoundHistory { get; }

    /// <summary>Whether the kept run met the tolerance before <c>MaxIterations</c>.</summary>
    bool Converged { get; }

    /// <summary>Iterations run by the kept run (scikit-learn's <c>n_iter_</c>).</summary>
    int Iterations { get; }

    /// <summary>How many times a degenerate component was re-seeded during the fit.</summary>
    int Reseeds { get; }

    /// <summary>The seed the fit used (drawn and recorded when none was given), or null for a model built from parameters.</summary>
    int? Seed { get; }

    /// <summary>Wall-clock seconds the fit took (0 for a model built from parameters).</summary>
    double FitSeconds { get; }

    /// <summary>Number of free parameters, as used by <see cref="Bic"/> and <see cref="Aic"/>.</summary>
    int ParameterCount { get; }

    /// <summary>Mean log-likelihood of the training data under the final parameters (NaN if unknown).</summary>
    double TrainingScore { get; }

    /// <summary>Number of training rows (0 if unknown).</summary>
    int TrainingSamples { get; }

    /// <summary>Names of the features, when known (for example, CSV column names).</summary>
    string[]? FeatureNames { get; }

    /// <summary>The same model with <paramref name="names"/> as its feature names.</summary>
    IMixtureModel WithFeatureNames(string[]? names);

    /// <summary>Most probable component of every row.</summary>
    int[] Predict(double[,] x);

    /// <summary>Posterior probability of each component for every row [N, K]; rows sum to 1.</summary>
    double[,] PredictProba(double[,] x);

    /// <summary>Log-likelihood ln p(x) of every row.</summary>
    double[] ScoreSamples(double[,] x);

    /// <summary>Mean log-likelihood per row.</summary>
    double Score(double[,] x);

    /// <summary>Bayesian information criterion on <paramref name="x"/>: -2 ln L + p ln N (lower is better; NaN for a variational fit).</summary>
    double Bic(double[,] x);

    /// <summary>Akaike information criterion on <paramref name="x"/>: -2 ln L + 2 p (lower is better; NaN for a variational fit).</summary>
    double Aic(double[,] x);

    /// <summary>Draws <paramref name="n"/> points, grouped by component.</summary>
    MixtureSample Sample(int n, int? seed = null);
}
