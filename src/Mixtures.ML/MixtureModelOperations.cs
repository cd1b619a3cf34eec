using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Mixtures.Serialization;

namespace Mixtures.ML;

/// <summary>
/// Saves and loads ML.NET models that contain <see cref="GaussianMixtureTransformer"/>s:
/// <c>mlContext.Model.SaveWithMixtures(model, schema, path)</c> and
/// <c>mlContext.Model.LoadWithMixtures(path, out schema)</c>.
/// </summary>
/// <remarks>
/// ML.NET's own <c>mlContext.Model.Save/Load</c> cannot hold a transformer from another assembly:
/// writing goes through <c>ModelSaveContext</c>, whose writer is internal, and loading creates each
/// transformer through ML.NET's internal <c>LoadableClassAttribute</c> registry
/// (<c>ComponentCatalog.RegisterAssembly</c> finds only those attributes; CustomMapping's factories,
/// the one public hook, are created without any saved state). So this file is a zip of parts in
/// pipeline order: each run of ML.NET transformers is a model saved by ML.NET itself (the first one
/// carries the input schema), and each Gaussian mixture is the Mixtures model JSON (the same file
/// <c>mixtures predict</c> reads) with its feature column name.
/// </remarks>
public static class MixtureModelOperations
{
    const string ManifestEntry = "mixtures-ml.json";
    const string Format = "mixtures-ml";
    const int Version = 1;

    /// <summary>Saves <paramref name="model"/> (any ML.NET transformer or chain, with or without mixtures) to a file.</summary>
    public static void SaveWithMixtures(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema inputSchema, string filePath)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        AtomicFile.Write(filePath, stream => SaveWithMixtures(catalog, model, inputSchema, stream));
    }

    /// <summary>Saves <paramref name="model"/> (any ML.NET transformer or chain, with or without mixtures) to a stream.</summary>
    public static void SaveWithMixtures(this ModelOperationsCatalog catalog, ITransformer model, DataViewSchema inputSchema, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        var manifest = new List<Dictionary<string, string>>();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var schema = inputSchema;
        var run = new List<ITransformer>();

        void FlushRun(bool force)
        {
            if (run.Count == 0 && !force) return;
            var chain = new TransformerChain<ITransformer>(run.ToArray());
            string entry = $"part{manifest.Count}.mlnet.zip";
            using (var buffer = new MemoryStream())
            {
                catalog.Save(chain, schema, buffer);
                using var s = zip.CreateEntry(entry).Open();
                buffer.Position = 0;
                buffer.CopyTo(s);
            }
            manifest.Add(new() { ["kind"] = "mlnet", ["entry"] = entry });
            if (schema is not null) schema = chain.GetOutputSchema(schema);
            run.Clear();
        }

        // The first part is always an ML.NET model, possibly empty, so that the input schema is kept.
        bool first = true;
        foreach (var t in Flatten(model))
        {
            if (t is GaussianMixtureTransformer mixture)
            {
                FlushRun(force: first);
                string entry = $"part{manifest.Count}.gaussian.json";
                using (var s = zip.CreateEntry(entry).Open())
                    MixtureModelJson.Write(mixture.Model, s);
                manifest.Add(new() { ["kind"] = "gaussian-mixture", ["entry"] = entry, ["feature_column"] = mixture.FeatureColumnName });
                if (schema is not null) schema = mixture.GetOutputSchema(schema);
            }
            else run.Add(t);
            first = false;
        }
        FlushRun(force: first);
        using (var s = zip.CreateEntry(ManifestEntry).Open())
            JsonSerializer.Serialize(s, new Dictionary<string, object> { ["format"] = Format, ["version"] = Version, ["parts"] = manifest });
    }

    /// <summary>Loads a model saved by <see cref="SaveWithMixtures(ModelOperationsCatalog, ITransformer, DataViewSchema, string)"/> from a file.</summary>
    /// <exception cref="FormatException">The file is not such a model; the message says what is wrong.</exception>
    public static ITransformer LoadWithMixtures(this ModelOperationsCatalog catalog, string filePath, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        using var stream = File.OpenRead(filePath);
        return LoadWithMixtures(catalog, stream, out inputSchema);
    }

    /// <summary>Loads a model saved by <see cref="SaveWithMixtures(ModelOperationsCatalog, ITransformer, DataViewSchema, Stream)"/> from a stream.</summary>
    /// <returns>A <see cref="TransformerChain{TLastTransformer}"/> of the saved transformers, in order.</returns>
    /// <exception cref="FormatException">The stream is not such a model; the message says what is wrong.</exception>
    public static ITransformer LoadWithMixtures(this ModelOperationsCatalog catalog, Stream stream, out DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(stream);
        ZipArchive zip;
        try { zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException ex) { throw new FormatException("Not a Mixtures.ML model: the file is not a zip archive.", ex); }
        using (zip)
        {
            var manifestEntry = zip.GetEntry(ManifestEntry)
                ?? throw new FormatException($"Not a Mixtures.ML model: no {ManifestEntry} (a model saved by mlContext.Model.Save loads with mlContext.Model.Load).");
            using var manifest = JsonDocument.Parse(Read(manifestEntry));
            var root = manifest.RootElement;
            if (!root.TryGetProperty("format", out var f) || f.GetString() != Format)
                throw new FormatException($"Not a Mixtures.ML model: {ManifestEntry} has no format \"{Format}\".");
            int version = root.GetProperty("version").GetInt32();
            if (version != Version)
                throw new FormatException($"Mixtures.ML model version {version} is not supported (this version reads {Version}).");

            var transformers = new List<ITransformer>();
            DataViewSchema? schema = null;
            foreach (var part in root.GetProperty("parts").EnumerateArray())
            {
                string kind = part.GetProperty("kind").GetString()!, name = part.GetProperty("entry").GetString()!;
                var entry = zip.GetEntry(name) ?? throw new FormatException($"Mixtures.ML model: part '{name}' is missing.");
                switch (kind)
                {
                    case "mlnet":
                        using (var buffer = new MemoryStream(Read(entry)))
                        {
                            var loaded = catalog.Load(buffer, out var partSchema);
                            schema ??= partSchema;
                            transformers.AddRange(loaded is TransformerChain<ITransformer> chain ? chain : [loaded]);
                        }
                        break;
                    case "gaussian-mixture":
                        var model = MixtureModelJson.FromJson(System.Text.Encoding.UTF8.GetString(Read(entry)), name) as GaussianMixtureModel
                            ?? throw new FormatException($"Mixtures.ML model: part '{name}' is not a Gaussian mixture.");
                        transformers.Add(new GaussianMixtureTransformer(model, part.GetProperty("feature_column").GetString()!));
                        break;
                    default:
                        throw new FormatException($"Mixtures.ML model: part '{name}' has unknown kind '{kind}'.");
                }
            }
            inputSchema = schema!;
            return new TransformerChain<ITransformer>(transformers.ToArray());
        }
    }

    static byte[] Read(ZipArchiveEntry entry)
    {
        using var s = entry.Open();
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }

    /// <summary>The transformers in order, opening every chain that holds a mixture (other chains stay whole, scopes and all).</summary>
    static IEnumerable<ITransformer> Flatten(ITransformer model)
    {
        if (model is IEnumerable<ITransformer> chain && Contains(model))
            return chain.SelectMany(Flatten);
        return [model];
    }

    static bool Contains(ITransformer t) =>
        t is GaussianMixtureTransformer || (t is IEnumerable<ITransformer> chain && chain.Any(Contains));
}
