using System.Text;
using CsCheck;
using Mixtures.Serialization;
using Mixtures.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Mixtures.Tests.Fuzzing;

/// <summary>
/// Fuzzing the model loader with CsCheck: random bytes and mutations of valid model files must give
/// either a usable model or a <see cref="MixtureFormatException"/> — never another exception, a hang
/// or a model that yields NaN. The budget comes from MIXTURES_FUZZ_ITERATIONS (CI keeps it small).
/// </summary>
public class ModelLoaderFuzzTests(ITestOutputHelper output)
{
    static int Budget => int.TryParse(Environment.GetEnvironmentVariable("MIXTURES_FUZZ_ITERATIONS"), out int n) && n > 0 ? n : 1000;

    static readonly string[] Seeds = Synthetic.AllTypes
        .Select(t => MixtureModelJson.ToJson(new GaussianMixture(new GaussianMixtureOptions { Components = 2, CovarianceType = t, Seed = 1 })
            .Fit(Synthetic.Blobs(40, 2, 2, 3)).WithFeatureNames(["a", "b"])))
        .ToArray();

    static readonly double[,] Probe = Synthetic.Blobs(8, 2, 2, 4);

    /// <summary>Mutations: flip, insert, delete or overwrite bytes; truncate; swap in JSON tokens.</summary>
    static readonly Gen<byte[]> Mutated = Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[1, 6], Gen.Int[0, int.MaxValue].Array[12], Gen.Int[0, 9])
        .Select((seed, count, randoms, kind) =>
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(Seeds[seed]));
            string[] tokens = ["null", "-1", "1e309", "[]", "{}", "\"x\"", "0", "true", "[[", "]", ",", "NaN", "1e-320", "99999999"];
            for (int i = 0; i < count && bytes.Count > 0; i++)
            {
                int r = randoms[2 * i], pos = randoms[2 * i + 1] % bytes.Count;
                switch ((kind + i) % 5)
                {
                    case 0: bytes[pos] ^= (byte)(1 << (r % 8)); break;
                    case 1: bytes.RemoveRange(pos, Math.Min(1 + r % 8, bytes.Count - pos)); break;
                    case 2: bytes.InsertRange(pos, Encoding.UTF8.GetBytes(tokens[r % tokens.Length])); break;
                    case 3: bytes.RemoveRange(pos, bytes.Count - pos); break;
                    default:
                        // Replace a number with a token, keeping the structure plausible.
                        while (pos < bytes.Count && !(bytes[pos] is (byte)'-' or >= (byte)'0' and <= (byte)'9')) pos++;
                        int end = pos;
                        while (end < bytes.Count && (bytes[end] is (byte)'.' or (byte)'e' or (byte)'E' or (byte)'-' or (byte)'+' or >= (byte)'0' and <= (byte)'9')) end++;
                        bytes.RemoveRange(pos, end - pos);
                        bytes.InsertRange(pos, Encoding.UTF8.GetBytes(tokens[r % tokens.Length]));
                        break;
                }
            }
            return bytes.ToArray();
        });

    static int _accepted, _rejected;

    static void LoadOrReject(byte[] bytes)
    {
        IMixtureModel model;
        try
        {
            model = MixtureModelJson.FromJson(Encoding.UTF8.GetString(bytes), "fuzz.json");
            Interlocked.Increment(ref _accepted);
        }
        catch (MixtureFormatException)
        {
            Interlocked.Increment(ref _rejected);
            return;
        }
        // Accepted: it must be a usable model.
        Assert.True(model.Weights.All(double.IsFinite));
        if (model.Features == Probe.GetLength(1))
        {
            foreach (double s in model.ScoreSamples(Probe)) Assert.False(double.IsNaN(s), "an accepted model scored NaN");
            model.Predict(Probe);
        }
    }

    [Fact]
    public void FromJson_MutatedModelFiles_LoadOrFailCleanly()
    {
        int budget = Budget;
        Mutated.Sample(LoadOrReject, iter: budget, threads: 1);
        output.WriteLine($"model loader: {budget} mutated files, no crash ({_accepted} accepted, {_rejected} rejected so far)");
    }

    [Fact]
    public void FromJson_RandomBytes_FailCleanly()
    {
        int budget = Budget;
        Gen.Byte.Array[0, 200].Sample(LoadOrReject, iter: budget, threads: 1);
        output.WriteLine($"model loader: {budget} random inputs, no crash");
    }
}
