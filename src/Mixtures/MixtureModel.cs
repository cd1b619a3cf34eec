using Mixtures.Internal;

namespace Mixtures;

/// <summary>
/// What every fitted mixture shares, whatever its family: fit diagnostics, and prediction and
/// scoring through the family's component log-densities. Immutable and safe to use from many
/// threads at once; array properties return copies. Families derive from it inside this library.
/// </summary>
public abstract class MixtureModel : IMixtureModel
{
    private protected MixtureModel(FitInfo info) => Info = info;

    internal FitInfo Info { get; }

    /// <summary>The family's E-step for these parameters (immutable, shared by all threads).</summary>
    private protected abstract IComponentEvaluator Evaluator { get; }

    /// <summary>The same model with other fit information (used for feature names).</summary>
    private protected abstract MixtureModel WithInfo(FitInfo info);

    /// <summary>Checks (and, for some families, transforms) input rows before they are scored.</summary>
    private protected virtual double[,] PrepareInput(double[,] x)
    {
        InputValidation.RequireFeatures(x, Features);
        return x;
    }

    /// <inheritdoc />
    public abstract string Family { get; }
    /// <inheritdoc />
    public abstract int Components { get; }
    /// <inheritdoc />
    public abstract int Features { get; }
    /// <inheritdoc />
    public abstract double[] Weights { get; }
    /// <inheritdoc />
    public abstract double[,] Means { get; }
    /// <inheritdoc />
    public abstract int ParameterCount { get; }

    /// <inheritdoc />
    public double LowerBound => Info.LowerBound;
    /// <inheritdoc />
    public double[] LowerBoundHistory => (double[])Info.History.Clone();
    /// <inheritdoc />
    public bool Converged => Info.Converged;
    /// <inheritdoc />
    public int Iterations => Info.Iterations;
    /// <inheritdoc />
    public int Reseeds => Info.Reseeds;
    /// <inheritdoc />
    public double FitSeconds => Info.FitSeconds;
    /// <inheritdoc />
    public double TrainingScore => Info.TrainingScore;
    /// <inheritdoc />
    public int TrainingSamples => Info.TrainingSamples;
    /// <inheritdoc />
    public string[]? FeatureNames => Info.FeatureNames is null ? null : (string[])Info.FeatureNames.Clone();

    /// <summary>BIC of the training data (NaN when the model was not fitted here).</summary>
    public double TrainingBic => TrainingSamples > 0 ? MixtureScoring.Bic(TrainingScore, TrainingSamples, ParameterCount) : double.NaN;

    /// <summary>AIC of the training data (NaN when the model was not fitted here).</summary>
    public double TrainingAic => TrainingSamples > 0 ? MixtureScoring.Aic(TrainingScore, TrainingSamples, ParameterCount) : double.NaN;

    /// <summary>Total log-likelihood of the training data under the returned parameters (NaN when not fitted here).</summary>
    public double Loglik => TrainingSamples > 0 ? TrainingScore * TrainingSamples : double.NaN;

    /// <summary>
    /// ICL of the training data in scikit-learn's sign (lower is better): <see cref="TrainingBic"/> - 2 sum_i ln z_{i, c_i},
    /// c_i the most probable component of row i (mclust's ICL is its negative). NaN when not fitted here.
    /// </summary>
    public double TrainingIcl => TrainingSamples > 0 ? Info.TrainingIcl : double.NaN;

    /// <summary>ICL of <paramref name="x"/> in scikit-learn's sign (lower is better): <see cref="Bic"/> - 2 sum_i ln max_k z_ik.</summary>
    public double Icl(double[,] x)
    {
        var (logLik, classLogLik) = MixtureScoring.Totals(Evaluator, new Mixtures.Data.ArrayRowSource(PrepareInput(x), null));
        int n = x.GetLength(0);
        return MixtureScoring.Icl(MixtureScoring.Bic(logLik / n, n, ParameterCount), classLogLik);
    }

    /// <summary>mclust's uncertainty of each row: 1 - max_k z_ik.</summary>
    public double[] Uncertainty(double[,] x) => MixtureScoring.Uncertainty(Evaluator, PrepareInput(x));

    /// <inheritdoc />
    public IMixtureModel WithFeatureNames(string[]? names)
    {
        if (names is not null && names.Length != Features)
            throw new ArgumentException($"{names.Length} feature names given for {Features} features.", nameof(names));
        return WithInfo(Info with { FeatureNames = names is null ? null : (string[])names.Clone() });
    }

    /// <inheritdoc />
    public int[] Predict(double[,] x) => MixtureScoring.Predict(Evaluator, PrepareInput(x));

    /// <inheritdoc />
    public double[,] PredictProba(double[,] x) => MixtureScoring.PredictProba(Evaluator, PrepareInput(x));

    /// <inheritdoc />
    public double[] ScoreSamples(double[,] x) => MixtureScoring.ScoreSamples(Evaluator, PrepareInput(x));

    /// <inheritdoc />
    public double Score(double[,] x) => MixtureScoring.Score(Evaluator, PrepareInput(x));

    /// <inheritdoc />
    public double Bic(double[,] x) => MixtureScoring.Bic(Score(x), x.GetLength(0), ParameterCount);

    /// <inheritdoc />
    public double Aic(double[,] x) => MixtureScoring.Aic(Score(x), x.GetLength(0), ParameterCount);

    /// <inheritdoc />
    public abstract MixtureSample Sample(int n, int? seed = null);
}
