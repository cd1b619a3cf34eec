using Mixtures.Internal.Gaussian.Covariance;

namespace Mixtures;

/// <summary>
/// The covariance models this build knows, by the names the model JSON and the command line use
/// (scikit-learn's <c>full</c>, <c>tied</c>, <c>diag</c>, <c>spherical</c>), and the shapes of their
/// explicit initial precisions. Callers list and parse models through here instead of spelling them.
/// </summary>
public static class CovarianceTypes
{
    /// <summary>Every registered covariance type, in registry order.</summary>
    public static IReadOnlyList<CovarianceType> All => CovarianceModels.Types;

    /// <summary>The names of <see cref="All"/>, as written in the model JSON's <c>covariance_type</c>.</summary>
    public static IReadOnlyList<string> Names => CovarianceModels.Types.Select(Name).ToArray();

    /// <summary>The name of <paramref name="type"/> (for example <c>full</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The type is not registered.</exception>
    public static string Name(CovarianceType type) => CovarianceModels.Get(type).Name;

    /// <summary>The covariance type called <paramref name="name"/> (exact spelling, as in <see cref="Names"/>).</summary>
    public static bool TryParse(string name, out CovarianceType type)
    {
        if (CovarianceModels.Find(name) is { } model)
        {
            type = model.Type;
            return true;
        }
        type = default;
        return false;
    }

    /// <summary>
    /// Whether <paramref name="a"/> and <paramref name="b"/> are the same model for data with
    /// <paramref name="features"/> features. With one feature every model is either one variance per component
    /// or one shared variance (mclust's V and E), so full, diag and spherical coincide there; otherwise only
    /// a type coincides with itself.
    /// </summary>
    public static bool Coincide(CovarianceType a, CovarianceType b, int features)
    {
        if (a == b) return true;
        if (features != 1) return false;
        ICovarianceModel ma = CovarianceModels.Get(a), mb = CovarianceModels.Get(b);
        return ma.ParameterCount(2, 1) == mb.ParameterCount(2, 1) && ma.ParameterCount(3, 1) == mb.ParameterCount(3, 1);
    }

    /// <summary>
    /// The shape of <see cref="GaussianMixtureOptions.InitialPrecisions"/> for <paramref name="type"/>:
    /// how many matrices, and their rows and columns (full: K of D x D; tied: one D x D; diag: one K x D;
    /// spherical: one K x 1).
    /// </summary>
    public static (int Matrices, int Rows, int Columns) InitialPrecisionsShape(CovarianceType type, int components, int features) =>
        CovarianceModels.Get(type).PrecisionsInitShape(components, features);
}
