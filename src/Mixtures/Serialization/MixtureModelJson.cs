using System.Text;
using System.Text.Json;
using Mixtures.Internal;

namespace Mixtures.Serialization;

/// <summary>
/// Saves and loads fitted mixtures as JSON. Schema (format_version 1): <c>format_version</c>,
/// <c>family</c>, <c>n_components</c>, <c>n_features</c>, <c>feature_names</c>, <c>weights</c> [K],
/// <c>means</c> [K][D], the family's parameters (Gaussian: <c>covariance_type</c>,
/// <c>covariances</c> and <c>precisions_cholesky</c> in scikit-learn's shapes), and the fit's
/// <c>lower_bound</c>, <c>lower_bound_history</c>, <c>n_iter</c>, <c>converged</c>, <c>n_reseeds</c>, <c>seed</c>,
/// <c>n_samples</c>, <c>score</c>, <c>n_parameters</c>, <c>bic</c>, <c>aic</c>, <c>fit_seconds</c>.
/// A variational fit (<see cref="BayesianGaussianMixtureModel"/>) is a <c>"gaussian"</c> file, so that its
/// point-estimate mixture reads anywhere a Gaussian mixture does, with <c>"variational": true</c> and the
/// posterior and priors added (<c>BayesianGaussianModelCodec</c>); its <c>lower_bound</c> is scikit-learn's
/// total bound and <c>bic</c>/<c>aic</c> are absent.
/// Numbers are written round-trip exact, so save then load gives an identical model.
/// </summary>
public static class MixtureModelJson
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    // The variational codec comes before the plain Gaussian one: it writes only variational models and reads
    // only files marked variational, and the Gaussian codec takes every other Gaussian model and file.
    static readonly IModelCodec[] Codecs = [new BayesianGaussianModelCodec(), new GaussianModelCodec(), new BernoulliModelCodec(), new PoissonModelCodec()];

    /// <summary>The model as an indented JSON document.</summary>
    public static string ToJson(IMixtureModel model)
    {
        using var stream = new MemoryStream();
        Write(model, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the model as indented UTF-8 JSON to <paramref name="stream"/> (streamed, no intermediate string).</summary>
    public static void Write(IMixtureModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        var codec = Codecs.FirstOrDefault(c => c.CanWrite(model))
            ?? throw new ArgumentException($"No model file format for {model.GetType().Name}.", nameof(model));
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            int k = model.Components, d = model.Features;
            w.WriteStartObject();
            w.WriteNumber("format_version", FormatVersion);
            w.WriteString("family", codec.Family);
            w.WriteNumber("n_components", k);
            w.WriteNumber("n_features", d);
            w.WritePropertyName("feature_names");
            if (model.FeatureNames is { } names)
            {
                w.WriteStartArray();
                foreach (var n in names) w.WriteStringValue(n);
                w.WriteEndArray();
            }
            else w.WriteNullValue();
            JsonArrays.Write(w, "weights", model.Weights, k);
            JsonArrays.Write(w, "means", MatrixSpan.Flat(model.Means), k, d);
            codec.WriteParameters(w, model);
            JsonArrays.Number(w, "lower_bound", model.LowerBound);
            var history = model.LowerBoundHistory;
            JsonArrays.Write(w, "lower_bound_history", history, history.Length);
            w.WriteNumber("n_iter", model.Iterations);
            w.WriteBoolean("converged", model.Converged);
            w.WriteNumber("n_reseeds", model.Reseeds);
            if (model.Seed is { } seed) w.WriteNumber("seed", seed);
            else w.WriteNull("seed");
            w.WriteNumber("n_samples", model.TrainingSamples);
            JsonArrays.Number(w, "score", model.TrainingScore);
            w.WriteNumber("n_parameters", model.ParameterCount);
            int n0 = model.TrainingSamples;
            if (model is not MixtureModel { InformationCriteriaApply: false })
            {
                JsonArrays.Number(w, "bic", n0 > 0 ? MixtureScoring.Bic(model.TrainingScore, n0, model.ParameterCount) : double.NaN);
                JsonArrays.Number(w, "aic", n0 > 0 ? MixtureScoring.Aic(model.TrainingScore, n0, model.ParameterCount) : double.NaN);
            }
            w.WriteNumber("fit_seconds", model.FitSeconds);
            w.WriteEndObject();
        }
    }

    /// <summary>Reads a model; <paramref name="source"/> names the file in error messages.</summary>
    /// <exception cref="MixtureFormatException">Not JSON, truncated, wrong version or family, wrong shapes or inconsistent numbers.</exception>
    public static IMixtureModel FromJson(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        source = source is null ? "(text)" : $"'{source}'";
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new MixtureFormatException($"Model file {source} is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}); it may be truncated or corrupted.", ex);
        }
        using (doc)
        {
            var f = new JsonFields(doc.RootElement, source);
            int version = f.Int("format_version");
            if (version != FormatVersion)
                throw f.Error(version > FormatVersion
                    ? $"format_version {version} is newer than this version of Mixtures reads ({FormatVersion}); upgrade Mixtures."
                    : $"format_version {version} is not supported (this version reads {FormatVersion}).");
            string family = f.String("family");
            var codec = Codecs.FirstOrDefault(c => c.Family == family && c.CanRead(f))
                ?? throw f.Error($"family '{family}' is unknown; expected one of {string.Join(", ", Codecs.Select(c => c.Family).Distinct())}.");
            int k = f.Int("n_components", 1), d = f.Int("n_features", 1);
            if ((long)k * d * d > 100_000_000) throw f.Error($"n_components {k} x n_features {d} is too large to be a real model.");
            var weights = f.Array("weights", k);
            var means = f.Array("means", k, d);
            double sum = 0;
            foreach (double v in weights)
            {
                if (v < 0) throw f.Error("weights must be non-negative.");
                sum += v;
            }
            if (Math.Abs(sum - 1) > 1e-6) throw f.Error($"weights sum to {sum}, not 1.");
            var info = new FitInfo(
                f.Number("lower_bound", double.NaN), f.OptionalVector("lower_bound_history"),
                f.Bool("converged", false), f.Has("n_iter") ? f.Int("n_iter", 0) : 0, f.Has("n_reseeds") ? f.Int("n_reseeds", 0) : 0,
                f.Number("fit_seconds", 0), f.Number("score", double.NaN), f.Has("n_samples") ? f.Int("n_samples", 0) : 0,
                f.OptionalStrings("feature_names", d), f.OptionalInt("seed"));
            return codec.Read(f, k, d, weights, means, info);
        }
    }

    /// <summary>Writes the model atomically: to a temporary file beside <paramref name="path"/>, then renamed over it.</summary>
    public static void Save(IMixtureModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, s => Write(model, s));
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="MixtureFormatException">The file is not a valid model; the message says what is wrong.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static IMixtureModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        var info = new FileInfo(path);
        if (info.Length > 1L << 30) throw new MixtureFormatException($"Model file '{path}' is larger than 1 GiB; it is not a model.");
        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>
    /// Reads a model file that must hold the family of <typeparamref name="T"/> (for example
    /// <see cref="GaussianMixtureModel"/>), so callers need no cast.
    /// </summary>
    /// <exception cref="MixtureFormatException">The file is not a valid model, or holds another family (named in the message).</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static T Load<T>(string path) where T : class, IMixtureModel
    {
        var model = Load(path);
        return model as T ?? throw new MixtureFormatException(
            $"Model file '{path}' holds a {model.Family} mixture ({model.GetType().Name}), not a {typeof(T).Name}.");
    }
}
