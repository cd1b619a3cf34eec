namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>
/// The one registry of covariance models: adding a model is a new <see cref="ICovarianceModel"/> file and
/// one line here. Options, the fit, the model JSON and the command line find models only through it.
/// </summary>
internal static class CovarianceModels
{
    static readonly List<ICovarianceModel> Registered =
    [
        new Full(),
        new Tied(),
        new Diag(),
        new Spherical(),
        // mclust's models, in mclust's order; E and V are its names for one feature.
        new Eii(), new Vii(), new Eei(), new Vei(), new Evi(), new Vvi(), new Eee(),
        new Vee(), new Eve(), new Vve(), new Eev(), new Vev(), new Evv(), new Vvv(),
        new UnivariateE(), new UnivariateV(),
    ];

    /// <summary>Every registered type, in registry order.</summary>
    public static IReadOnlyList<CovarianceType> Types
    {
        get { lock (Registered) return Registered.Select(m => m.Type).ToArray(); }
    }

    public static bool IsRegistered(CovarianceType type) => Find(type) is not null;

    /// <summary>The model for <paramref name="type"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No model is registered for it.</exception>
    public static ICovarianceModel Get(CovarianceType type) =>
        Find(type) ?? throw new ArgumentOutOfRangeException(nameof(type), type,
            $"Unknown covariance type; use {string.Join(", ", Types)}.");

    public static ICovarianceModel? Find(CovarianceType type)
    {
        lock (Registered) return Registered.FirstOrDefault(m => m.Type == type);
    }

    /// <summary>The model whose JSON name is <paramref name="name"/>, or null.</summary>
    public static ICovarianceModel? Find(string name)
    {
        lock (Registered) return Registered.FirstOrDefault(m => m.Name == name);
    }

    /// <summary>Adds a model from outside the registry list (tests plug in models this way).</summary>
    internal static void Register(ICovarianceModel model)
    {
        lock (Registered)
        {
            if (Registered.Any(m => m.Type == model.Type || m.Name == model.Name))
                throw new InvalidOperationException($"A covariance model '{model.Name}' ({model.Type}) is already registered.");
            Registered.Add(model);
        }
    }
}
