using System.Text.RegularExpressions;
using Mixtures.Data;
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

    /// <summary>The seed the fit used (the drawn one when none was given), or null for a model built from parameters.</summary>
    public int? Seed => Info.Seed;
    /// <inheritdoc />
    public double FitSeconds => Info.FitSeconds;
    /// <inheritdoc />
    public double TrainingScore => Info.TrainingScore;
    /// <inheritdoc />
    public int TrainingSamples => Info.TrainingSamples;
    /// <inheritdoc />
    public string[]? FeatureNames => Info.FeatureNames is null ? null : (string[])Info.FeatureNames.Clone();

    /// <summary>Whether BIC and AIC apply (not to a variational fit, whose score is not a likelihood): otherwise they are NaN.</summary>
    internal virtual bool InformationCriteriaApply => true;

    /// <summary>BIC of the training data (NaN when the model was not fitted here, or BIC does not apply).</summary>
    public double TrainingBic => TrainingSamples > 0 && InformationCriteriaApply ? MixtureScoring.Bic(TrainingScore, TrainingSamples, ParameterCount) : double.NaN;

    /// <summary>AIC of the training data (NaN when the model was not fitted here, or AIC does not apply).</summary>
    public double TrainingAic => TrainingSamples > 0 && InformationCriteriaApply ? MixtureScoring.Aic(TrainingScore, TrainingSamples, ParameterCount) : double.NaN;

    /// <summary>Total log-likelihood of the training data under the returned parameters (NaN when not fitted here).</summary>
    public double Loglik => TrainingSamples > 0 ? TrainingScore * TrainingSamples : double.NaN;

    /// <summary>
    /// ICL of the training data in scikit-learn's sign (lower is better): <see cref="TrainingBic"/> - 2 sum_i ln z_{i, c_i},
    /// c_i the most probable component of row i (mclust's ICL is its negative). NaN when not fitted here.
    /// </summary>
    public double TrainingIcl => TrainingSamples > 0 ? Info.TrainingIcl : double.NaN;

    /// <summary>ICL of <paramref name="x"/> in scikit-learn's sign (lower is better): <see cref="Bic(double[,])"/> - 2 sum_i ln max_k z_ik.</summary>
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
    public double Bic(double[,] x) => InformationCriteriaApply ? MixtureScoring.Bic(Score(x), x.GetLength(0), ParameterCount) : double.NaN;

    /// <inheritdoc />
    public double Aic(double[,] x) => InformationCriteriaApply ? MixtureScoring.Aic(Score(x), x.GetLength(0), ParameterCount) : double.NaN;

    /// <summary>
    /// Rows per window of <see cref="Evaluate"/>: a multiple of the scoring block, large enough to keep
    /// every core busy, small enough that the window's values and responsibilities (W x (D + K)) stay far
    /// below the size of the data.
    /// </summary>
    private const int WindowRows = 1 << 16;

    /// <summary>
    /// Scores every row of <paramref name="rows"/> (which may be streamed from a file larger than memory)
    /// and hands the results to <paramref name="sink"/> in row order, a window of rows at a time: memory is
    /// O(window x (D + K)), never N x K. Each row's values are those of <see cref="PredictProba(double[,])"/> and
    /// <see cref="ScoreSamples(double[,])"/> for the same row; input is checked as they check it, with rows numbered
    /// in the whole source. Weights of the source are ignored.
    /// </summary>
    /// <param name="rows">The rows to score (D must equal <see cref="Features"/>).</param>
    /// <param name="sink">Receives responsibilities and log-likelihoods, in row order, on the calling thread.</param>
    /// <param name="cancellationToken">Checked between windows.</param>
    /// <exception cref="ArgumentException">Rows the model cannot score; the message names the row and column.</exception>
    public void Evaluate(IRowSource rows, RowScoresSink sink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(sink);
        if (rows.Features != Features)
            throw new ArgumentException($"The data has {rows.Features} columns but the model was fitted on {Features} features.", nameof(rows));
        int d = Features, k = Components;
        using var reader = ReadAheadReader.Open(rows, _ => rows.Rows);
        for (long first = 0; first < rows.Rows; first += WindowRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = (int)Math.Min(WindowRows, rows.Rows - first);
            var window = new double[count, d];
            var flat = MatrixSpan.Flat(window);
            for (int r = 0; r < count; r += ChunkPlan.SlabRows)
            {
                int n = Math.Min(ChunkPlan.SlabRows, count - r);
                reader.Read(first + r, n).Values.CopyTo(flat.Slice(r * d, n * d));
            }
            double[,] prepared;
            try
            {
                prepared = PrepareInput(window);
            }
            catch (ArgumentException e) when (first > 0)
            {
                throw new ArgumentException(ShiftRows(e.Message, first), e.ParamName, e);
            }
            var resp = new double[count * k];
            var ll = new double[count];
            MixtureScoring.Evaluate(Evaluator, prepared, (f, c, p, l) =>
            {
                p.CopyTo(resp.AsSpan(f * k, c * k));
                l.CopyTo(ll.AsSpan(f, c));
            });
            sink(first, count, resp, ll);
        }
    }

    /// <summary>Window-relative row numbers in a check's message ("Row 5", "row 5", "x[5, 2]") made whole-source ones.</summary>
    private static string ShiftRows(string message, long offset) =>
        Regex.Replace(message, @"(\b[Rr]ow |\[)(\d+)", m => m.Groups[1].Value + (long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + offset));
    // The jagged and row-major overloads copy into a rectangular array and take the path above, so
    // their data errors read the same (see InputValidation.ToMatrix).

    /// <summary>Most probable component of every row; rows as jagged arrays of equal length.</summary>
    public int[] Predict(double[][] x) => Predict(InputValidation.ToMatrix(x));

    /// <summary>Most probable component of every row; row-major values, <paramref name="features"/> per row.</summary>
    public int[] Predict(ReadOnlyMemory<double> x, int features) => Predict(InputValidation.ToMatrix(x, features));

    /// <summary>Posterior probability of each component for every row [N, K]; rows as jagged arrays.</summary>
    public double[,] PredictProba(double[][] x) => PredictProba(InputValidation.ToMatrix(x));

    /// <summary>Posterior probability of each component for every row [N, K]; row-major values.</summary>
    public double[,] PredictProba(ReadOnlyMemory<double> x, int features) => PredictProba(InputValidation.ToMatrix(x, features));

    /// <summary>Log-likelihood ln p(x) of every row; rows as jagged arrays.</summary>
    public double[] ScoreSamples(double[][] x) => ScoreSamples(InputValidation.ToMatrix(x));

    /// <summary>Log-likelihood ln p(x) of every row; row-major values.</summary>
    public double[] ScoreSamples(ReadOnlyMemory<double> x, int features) => ScoreSamples(InputValidation.ToMatrix(x, features));

    /// <summary>Mean log-likelihood per row; rows as jagged arrays.</summary>
    public double Score(double[][] x) => Score(InputValidation.ToMatrix(x));

    /// <summary>Mean log-likelihood per row; row-major values.</summary>
    public double Score(ReadOnlyMemory<double> x, int features) => Score(InputValidation.ToMatrix(x, features));

    /// <summary>BIC on jagged rows: -2 ln L + p ln N.</summary>
    public double Bic(double[][] x) => Bic(InputValidation.ToMatrix(x));

    /// <summary>BIC on row-major values: -2 ln L + p ln N.</summary>
    public double Bic(ReadOnlyMemory<double> x, int features) => Bic(InputValidation.ToMatrix(x, features));

    /// <summary>AIC on jagged rows: -2 ln L + 2 p.</summary>
    public double Aic(double[][] x) => Aic(InputValidation.ToMatrix(x));

    /// <summary>AIC on row-major values: -2 ln L + 2 p.</summary>
    public double Aic(ReadOnlyMemory<double> x, int features) => Aic(InputValidation.ToMatrix(x, features));

    /// <inheritdoc />
    public abstract MixtureSample Sample(int n, int? seed = null);

    /// <summary>
    /// Draws what <see cref="Sample(int, int?)"/> draws for the same <paramref name="n"/> and <paramref name="seed"/>, bit for bit,
    /// and hands the points to <paramref name="sink"/> in row order, in windows of at most 65536 rows: memory does not grow with n.
    /// </summary>
    /// <param name="n">Points to draw (at least 1).</param>
    /// <param name="seed">Seed of the draws (null: a random one).</param>
    /// <param name="sink">Receives every window; its spans are valid during the call only.</param>
    /// <param name="cancellationToken">Checked between windows.</param>
    public void Sample(int n, int? seed, SampleSink sink, CancellationToken cancellationToken = default)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The number of samples must be at least 1.");
        ArgumentNullException.ThrowIfNull(sink);
        using var cancellation = FitCancellation.Enter(cancellationToken);
        var windows = new SampleWindows(Features, sink);
        Draw(n, seed, windows);
        windows.Flush();
    }

    /// <summary>Draws n points in row order into <paramref name="windows"/> (the one sampler behind both Sample methods).</summary>
    private protected abstract void Draw(int n, int? seed, SampleWindows windows);
}
