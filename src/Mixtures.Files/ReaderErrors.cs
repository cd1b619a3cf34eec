namespace Mixtures.Files;

/// <summary>Turns what a reader library throws about a file into one <see cref="TableFormatException"/> line.</summary>
internal static class ReaderErrors
{
    /// <summary>Runs <paramref name="body"/>; a library exception becomes "not a readable FORMAT file (Type: first line)".</summary>
    public static T Guard<T>(string path, string format, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is not (TableFormatException or OperationCanceledException or OutOfMemoryException))
        {
            throw new TableFormatException(path, null, null, $"not a readable {format} file ({e.GetType().Name}: {e.Message.Split('\n')[0].Trim()})", e);
        }
    }
}
