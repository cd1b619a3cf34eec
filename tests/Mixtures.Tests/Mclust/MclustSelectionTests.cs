using System.Diagnostics;
using System.Text.Json;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Mclust;

/// <summary>
/// mclust's four selection cases: the BIC table over every model and G = 1..9 from mclust's recorded
/// starting partitions (and, for blobs5, its recorded 2000-row subset), failures where mclust failed, and
/// the best model, G and BIC.
/// </summary>
public class MclustSelectionTests
{
    const double Rtol = 1e-6;

    public static TheoryData<string> Cases() => new(Fixtures.CaseNames(c => Fixtures.IsMclust(c) && c.TryGetProperty("bic_table", out _) || Fixtures.IsMclust(c) && c.TryGetProperty("subset_size", out _)));

    static int[] Ints(JsonElement e) => Fixtures.Flat(e).Select(v => (int)v).ToArray();

    internal static MixtureSelectionOptions Options(JsonElement c, int? threads = null)
    {
        var e = c.GetProperty("expected");
        var partitions = e.GetProperty("init_partitions").EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => Ints(p.Value));
        return new MixtureSelectionOptions
        {
            Models = c.GetProperty("models").EnumerateArray().Select(m => Enum.Parse<CovarianceType>(m.GetString()!)).ToArray(),
            StartPartitions = partitions,
            StartSubset = c.GetProperty("subset").ValueKind == JsonValueKind.Array ? Ints(c.GetProperty("subset")) : null,
            MaxDegreeOfParallelism = threads,
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Selection_FromRecordedPartitions_ReproducesMclustTable(string name)
    {
        var c = Fixtures.Case(name);
        var x = Fixtures.Data(c.GetProperty("data").GetString()!);
        var e = c.GetProperty("expected");
        var result = MixtureSelection.Fit(x, Options(c));

        foreach (var row in e.GetProperty("bic_table").EnumerateObject())
        {
            var type = Enum.Parse<CovarianceType>(row.Name);
            int g = 1;
            foreach (var v in row.Value.EnumerateArray())
            {
                var entry = result.Table.Single(t => t.CovarianceType == type && t.Components == g);
                if (v.ValueKind == JsonValueKind.Null) Assert.True(entry.Failed, $"{row.Name} G={g} should fail; got BIC {entry.Bic}");
                else
                {
                    Assert.False(entry.Failed, $"{row.Name} G={g} failed: {entry.FailureReason}");
                    Approx.Equal(-v.GetDouble(), entry.Bic, Rtol, $"{row.Name} G={g} bic");
                }
                g++;
            }
        }
        Assert.Equal(e.GetProperty("best_model").GetString(), CovarianceTypes.Name(result.Best.CovarianceType));
        Assert.Equal(e.GetProperty("best_G").GetInt32(), result.Best.Components);
        Approx.Equal(-e.GetProperty("best_bic").GetDouble(), result.Best.Bic, Rtol, "best bic");

        // Mclust's final model: its parameters, refreshed by one more M-step where mclust refreshed them.
        var fit = e.GetProperty("mclust_fit");
        var model = result.BestModel;
        Approx.Equal(fit.GetProperty("loglik").GetDouble(), model.Loglik, Rtol, "loglik");
        Approx.Equal(-fit.GetProperty("icl").GetDouble(), model.TrainingIcl, Rtol, "icl");
        var weights = Fixtures.Flat(fit.GetProperty("weights"));
        var means = Fixtures.Flat(fit.GetProperty("means"));
        var covariances = Fixtures.Flat(fit.GetProperty("covariances"));
        int k = model.Components, d = model.Features;
        for (int q = 0; q < k; q++)
        {
            Approx.Equal(weights[q], model.Weights[q], Rtol, $"weight {q} (refreshed: {fit.GetProperty("parameters_refreshed")})");
            for (int j = 0; j < d; j++)
            {
                Approx.Equal(means[q * d + j], model.Means[q, j], Rtol, $"mean {q},{j}");
                for (int l = 0; l < d; l++) Approx.Equal(covariances[(q * d + j) * d + l], model.Covariances[q, j, l], Rtol, $"covariance {q},{j},{l}");
            }
        }
    }

    [Fact]
    public void Selection_IsIdenticalOnOneAndTwoThreads()
    {
        var c = Fixtures.Case("mclust_iris_select");
        var x = Fixtures.Data("data/iris.csv");
        var one = MixtureSelection.Fit(x, Options(c, 1) with { Components = [1, 2, 3] });
        var two = MixtureSelection.Fit(x, Options(c, 2) with { Components = [1, 2, 3] });
        Assert.Equal(one.Table.Select(t => (t.Bic, t.Icl, t.Iterations, t.FailureReason)), two.Table.Select(t => (t.Bic, t.Icl, t.Iterations, t.FailureReason)));
    }
}
