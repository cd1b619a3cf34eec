using Mixtures.Serialization;

namespace Mixtures.Cli.Io;

/// <summary>Loads a model JSON, turning every failure into a one-line error that names the file.</summary>
internal static class ModelLoader
{
    public static IMixtureModel Load(string path)
    {
        DataLoader.RequireReadable(path);
        try
        {
            return MixtureModelJson.FromJson(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is not (CliException or OperationCanceledException or OutOfMemoryException))
        {
            var name = Path.GetFileName(path);
            var message = ErrorReporter.OneLine(e.Message);
            throw new CliException(message.Contains(name, StringComparison.Ordinal) ? message : $"{name}: {message}", ExitCodes.BadInput, e);
        }
    }

    /// <summary>The model's feature names, or x0..x(D-1).</summary>
    public static string[] FeatureNames(IMixtureModel model) =>
        model.FeatureNames is { Length: > 0 } names && names.Length == model.Features
            ? names
            : Enumerable.Range(0, model.Features).Select(j => $"x{j}").ToArray();
}
