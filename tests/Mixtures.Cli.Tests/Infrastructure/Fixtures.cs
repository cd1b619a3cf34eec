namespace Mixtures.Cli.Tests.Infrastructure;

/// <summary>Paths of the reference data and cases copied into fixtures/ (from scikit-learn 1.2.1).</summary>
public static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static string Data(string name) => Path.Combine(Root, "data", name);

    public static string Case(string name) => Path.Combine(Root, "cases", name + ".json");

    public static string Faithful => Data("faithful.csv");
}
