namespace Mixtures.Serialization;

/// <summary>A model file that cannot be read: not JSON, truncated, a wrong version or family, or inconsistent numbers.</summary>
public sealed class MixtureFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public MixtureFormatException(string message, Exception? inner = null) : base(message, inner) { }
}
