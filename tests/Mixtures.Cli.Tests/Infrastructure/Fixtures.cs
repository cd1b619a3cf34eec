namespace Mixtures.Cli.Tests.Infrastructure;

/// <summary>Paths of the reference data and cases copied into fixtures/ (from scikit-learn 1.2.1).</summary>
public static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static string Data(string name) => Path.Combine(Root, "data", name);

    public static string Case(string name) => Path.Combine(Root, "cases", name + ".json");

    public static string Faithful => Data("faithful.csv");

    /// <summary>The library tests' fixtures (digits data and the Bernoulli/Poisson reference cases), found above the test binaries.</summary>
    public static string Library
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tests", "Mixtures.Tests", "fixtures");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("tests/Mixtures.Tests/fixtures not found above the test binaries.");
        }
    }
}
