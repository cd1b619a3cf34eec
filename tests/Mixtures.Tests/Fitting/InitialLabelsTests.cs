using Mixtures.Internal;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Fitting;

/// <summary>
/// InitialLabels, the same option on every estimator: the fit starts with the M-step on the labels' one-hot
/// responsibilities (whatever the init method and seed), and wrong labels are refused by index and value.
/// </summary>
public class InitialLabelsTests
{
    /// <summary>Three groups of rows (row i in group i % 3) of small counts, also usable as 0/1 data above a threshold.</summary>
    static (double[,] X, int[] Labels) Groups(int n = 90)
    {
        var rng = new Random(5);
        var x = new double[n, 3];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = i % 3;
            for (int j = 0; j < 3; j++) x[i, j] = rng.Next(0, 3) + (j == labels[i] ? 6 : 0);
        }
        return (x, labels);
    }

    /// <summary>Weights the label counts / N, and means each group's mean mapped by the family's M-step.</summary>
    static void AssertLabelMeans(IMixtureModel m, double[,] x, int[] labels, Func<double, double, double> mean)
    {
        int n = labels.Length, d = x.GetLength(1);
        for (int c = 0; c < 3; c++)
        {
            var rows = Enumerable.Range(0, n).Where(i => labels[i] == c).ToArray();
            Approx.Equal((double)rows.Length / n, m.Weights[c], 1e-12, $"weight {c}");
            for (int j = 0; j < d; j++)
                Approx.Equal(mean(rows.Sum(i => x[i, j]), rows.Length), m.Means[c, j], 1e-12, $"mean {c},{j}");
        }
    }

    [Fact]
    public void Gaussian_InitialModelIsTheMStepOnTheLabels()
    {
        var (x, labels) = Groups();
        var options = new GaussianMixtureOptions { Components = 3, InitialLabels = labels, Init = InitMethod.Random, Seed = 1 };
        AssertLabelMeans(new GaussianMixture(options).InitialModel(x), x, labels, (sum, n) => sum / n);
        var a = new GaussianMixture(options).Fit(x);
        var b = new GaussianMixture(options with { Seed = 99, Init = InitMethod.KMeansPlusPlus }).Fit(x);
        Assert.Equal(MatrixSpan.Flat(a.Means).ToArray(), MatrixSpan.Flat(b.Means).ToArray());
    }

    [Fact]
    public void Poisson_InitialModelIsTheMStepOnTheLabels()
    {
        var (x, labels) = Groups();
        var options = new PoissonMixtureOptions { Components = 3, InitialLabels = labels, Seed = 1 };
        AssertLabelMeans(new PoissonMixture(options).InitialModel(x), x, labels, (sum, n) => sum / n + options.MinRate);
    }

    [Fact]
    public void Bernoulli_InitialModelIsTheMStepOnTheLabels()
    {
        var (counts, labels) = Groups();
        var x = new double[counts.GetLength(0), counts.GetLength(1)];
        for (int i = 0; i < x.GetLength(0); i++)
            for (int j = 0; j < x.GetLength(1); j++) x[i, j] = counts[i, j] >= 6 ? 1 : 0;
        var options = new BernoulliMixtureOptions { Components = 3, InitialLabels = labels, Seed = 1 };
        double alpha = options.Alpha;
        AssertLabelMeans(new BernoulliMixture(options).InitialModel(x), x, labels, (sum, n) => (sum + alpha) / (n + 2 * alpha));
    }

    [Fact]
    public void ExplicitWeightsAndMeans_StillReplaceWhatTheLabelsGive()
    {
        var (x, labels) = Groups();
        double[] weights = [0.5, 0.25, 0.25];
        var options = new PoissonMixtureOptions { Components = 3, InitialLabels = labels, InitialWeights = weights };
        Assert.Equal(weights, new PoissonMixture(options).InitialModel(x).Weights);
    }

    [Fact]
    public void WrongLength_IsRefusedWithBothCounts()
    {
        var (x, labels) = Groups();
        var ex = Assert.Throws<ArgumentException>(() =>
            new GaussianMixture(new GaussianMixtureOptions { Components = 3, InitialLabels = labels[..^1] }).Fit(x));
        Assert.Equal("InitialLabels", ex.ParamName);
        Assert.Contains("89 labels for 90 data rows", ex.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void OutOfRangeLabel_IsRefusedWithItsIndexAndValue(int bad)
    {
        var (x, labels) = Groups();
        labels[7] = bad;
        var ex = Assert.Throws<ArgumentException>(() =>
            new PoissonMixture(new PoissonMixtureOptions { Components = 3, InitialLabels = labels }).Fit(x));
        Assert.Equal("InitialLabels", ex.ParamName);
        Assert.Contains($"InitialLabels[7] = {bad} is outside 0..2", ex.Message);
        Assert.Throws<ArgumentException>(() =>
            new BayesianGaussianMixture(new BayesianGaussianMixtureOptions { Components = 3, InitialLabels = labels }).Fit(x));
    }
}
