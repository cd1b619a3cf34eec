using CsCheck;
using Mixtures.Internal;
using Mixtures.Serialization;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Serialization;

public class MixtureModelJsonTests
{
    static GaussianMixtureModel Fitted(CovarianceType type) =>
        new GaussianMixture(new GaussianMixtureOptions { Components = 3, CovarianceType = type, Seed = 7 })
            .Fit(Synthetic.Blobs(300, 3, 3, 1));

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Tied)]
    [InlineData(CovarianceType.Diag)]
    [InlineData(CovarianceType.Spherical)]
    public void SaveThenLoad_GivesIdenticalModel(CovarianceType type)
    {
        var model = (GaussianMixtureModel)Fitted(type).WithFeatureNames(["a", "b", "c"]);
        string path = Path.Combine(Path.GetTempPath(), $"mixtures-{Guid.NewGuid():N}.json");
        try
        {
            MixtureModelJson.Save(model, path);
            var loaded = Assert.IsType<GaussianMixtureModel>(MixtureModelJson.Load(path));
            Assert.Equal(model.CovarianceType, loaded.CovarianceType);
            Assert.Equal(model.Weights, loaded.Weights);
            Assert.Equal(MatrixSpan.Flat(model.Means).ToArray(), MatrixSpan.Flat(loaded.Means).ToArray());
            Assert.Equal(model.CovariancesRaw, loaded.CovariancesRaw);
            Assert.Equal(model.PrecisionsCholeskyRaw, loaded.PrecisionsCholeskyRaw);
            Assert.Equal(model.LowerBound, loaded.LowerBound);
            Assert.Equal(model.LowerBoundHistory, loaded.LowerBoundHistory);
            Assert.Equal(model.Iterations, loaded.Iterations);
            Assert.Equal(model.Converged, loaded.Converged);
            Assert.Equal(model.TrainingBic, loaded.TrainingBic);
            Assert.Equal(["a", "b", "c"], loaded.FeatureNames!);
            var x = Synthetic.Blobs(50, 3, 3, 2);
            Assert.Equal(model.ScoreSamples(x), loaded.ScoreSamples(x));
            Assert.Equal(MixtureModelJson.ToJson(model), MixtureModelJson.ToJson(loaded));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SaveThenLoad_AnyFittedModel_IsIdentical()
    {
        // Random data, family, covariance type and K: the reloaded model writes the same JSON and
        // scores every row bit for bit the same.
        Gen.Select(Gen.Int[1, 3], Gen.Int[1, 4], Gen.Int[0, 5], Gen.Int[0, 1_000_000]).Sample((k, d, kind, seed) =>
        {
            var rng = new Random(seed);
            int n = rng.Next(k + 10, 60);
            if (kind == 4) d += 2;   // enough distinct 0/1 rows for K components
            var x = new double[n, d];
            for (int i = 0; i < n; i++)
                for (int j = 0; j < d; j++)
                    x[i, j] = kind switch
                    {
                        4 => rng.Next(2),                                   // bernoulli
                        5 => rng.Next(0, 4 + 3 * (i % k)),                 // poisson
                        _ => 8.0 * (i % k) + Synthetic.Normal(rng),         // gaussian
                    };
            IMixtureModel model = kind switch
            {
                4 => new BernoulliMixture(new BernoulliMixtureOptions { Components = k, Seed = seed, Init = InitMethod.RandomFromData }).Fit(x),
                5 => new PoissonMixture(new PoissonMixtureOptions { Components = k, Seed = seed, Init = InitMethod.RandomFromData }).Fit(x),
                _ => new GaussianMixture(new GaussianMixtureOptions { Components = k, CovarianceType = (CovarianceType)kind, Seed = seed }).Fit(x),
            };
            string json = MixtureModelJson.ToJson(model);
            var loaded = MixtureModelJson.FromJson(json);
            Assert.Equal(json, MixtureModelJson.ToJson(loaded));
            Assert.Equal(model.ScoreSamples(x), loaded.ScoreSamples(x));
            Assert.Equal(model.Predict(x), loaded.Predict(x));
        }, iter: 100);
    }

    [Fact]
    public void Json_HasTheDocumentedFieldNames()
    {
        string json = MixtureModelJson.ToJson(Fitted(CovarianceType.Diag));
        foreach (var field in new[] { "format_version", "family", "covariance_type", "n_components", "n_features", "feature_names",
                     "weights", "means", "covariances", "precisions_cholesky", "lower_bound", "lower_bound_history",
                     "n_iter", "converged", "n_reseeds", "bic", "aic", "fit_seconds" })
            Assert.Contains($"\"{field}\":", json);
    }

    public static TheoryData<string, string> BrokenFiles()
    {
        string good = MixtureModelJson.ToJson(Fitted(CovarianceType.Full));
        return new TheoryData<string, string>
        {
            { good[..(good.Length / 2)], "not valid JSON" },
            { "", "not valid JSON" },
            { "[1, 2]", "not a JSON object" },
            { good.Replace("\"format_version\": 1", "\"format_version\": 99"), "newer than this version" },
            { good.Replace("\"family\": \"gaussian\"", "\"family\": \"cauchy\""), "family 'cauchy' is unknown" },
            { good.Replace("\"covariance_type\": \"full\"", "\"covariance_type\": \"banana\""), "covariance_type 'banana'" },
            { good.Replace("\"n_components\": 3", "\"n_components\": 4"), "must have shape [4]" },
            { good.Replace("\"weights\"", "\"weightz\""), "missing field 'weights'" },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void FromJson_BrokenFile_SaysWhatIsWrong(string json, string expected)
    {
        var ex = Assert.Throws<MixtureFormatException>(() => MixtureModelJson.FromJson(json, "m.json"));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("m.json", ex.Message);
    }

    [Fact]
    public void FromJson_CorruptedCovariance_IsDetected()
    {
        var model = Fitted(CovarianceType.Spherical);
        string json = MixtureModelJson.ToJson(model);
        string cov = model.CovariancesRaw[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        string corrupted = json.Replace(cov, (model.CovariancesRaw[0] * 3).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEqual(json, corrupted);
        var ex = Assert.Throws<MixtureFormatException>(() => MixtureModelJson.FromJson(corrupted));
        Assert.Contains("disagree", ex.Message);
    }

    [Fact]
    public void Save_FailingWrite_LeavesNoFile()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"mixtures-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "out.json");
            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, s =>
            {
                s.Write(new byte[100]);
                throw new InvalidOperationException("simulated failure");
            }));
            Assert.Empty(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
