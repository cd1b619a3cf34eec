using Microsoft.Extensions.Logging;
using Mixtures.Internal;
using Mixtures.Tests.Support;
using Xunit;

namespace Mixtures.Tests.Gaussian;

public class GaussianMixtureTests
{
    [Theory]
    [InlineData(InitMethod.KMeans)]
    [InlineData(InitMethod.KMeansPlusPlus)]
    [InlineData(InitMethod.RandomFromData)]
    public void Fit_DataDrivenInitMethods_FindSeparatedClusters(InitMethod init)
    {
        var x = Synthetic.Blobs(600, 2, 3, 1);
        var m = new GaussianMixture(new GaussianMixtureOptions { Components = 3, Init = init, NInit = 3, Seed = 4, MaxIterations = 300 }).Fit(x);
        Assert.True(m.Converged);
        var means = Enumerable.Range(0, 3).Select(c => m.Means[c, 0]).Order().ToArray();
        for (int c = 0; c < 3; c++) Assert.Equal(10.0 * c, means[c], 0.3);
    }

    [Fact]
    public void Fit_RandomInit_StartsFromRandomResponsibilities()
    {
        // Random responsibilities put every first mean near the data mean (as in scikit-learn);
        // one iteration later the means are still close together, unlike a k-means start.
        var x = Synthetic.Blobs(600, 2, 3, 1);
        var m = new GaussianMixture(new GaussianMixtureOptions { Components = 3, Init = InitMethod.Random, MaxIterations = 1, Seed = 4 }).Fit(x);
        for (int c = 0; c < 3; c++) Assert.Equal(10.0, m.Means[c, 0], 1.5);
        Assert.NotEqual(m.Means[0, 0], m.Means[1, 0]);
    }

    [Fact]
    public void Fit_MoreRestarts_KeepTheBestLowerBound()
    {
        var x = Fixtures.Data("data/iris.csv");
        double Bound(int nInit) => new GaussianMixture(new GaussianMixtureOptions
        {
            Components = 4, NInit = nInit, Seed = 12, Init = InitMethod.Random,
        }).Fit(x).LowerBound;
        Assert.True(Bound(5) >= Bound(1));
    }

    [Fact]
    public void WarmStart_ContinuesFromThePreviousFit()
    {
        var x = Fixtures.Data("data/faithful.csv");
        var cold = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 3, MaxIterations = 20, Tolerance = 0 }).Fit(x);
        var warm = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 3, MaxIterations = 10, Tolerance = 0, WarmStart = true });
        warm.Fit(x);
        var second = warm.Fit(x);
        // 10 + 10 warm iterations follow the same path as 20 cold ones.
        Approx.Equal(cold.LowerBoundHistory[10..], second.LowerBoundHistory, 1e-12, "history");
        Approx.Equal(MatrixSpan.Flat(cold.Means), MatrixSpan.Flat(second.Means), 1e-12, "means");
    }

    [Fact]
    public void Fit_NotConverged_IsAResultWithAWarning()
    {
        var logger = new RecordingLogger();
        var m = new GaussianMixture(new GaussianMixtureOptions { Components = 3, MaxIterations = 2, Tolerance = 1e-12, Seed = 1 }, logger)
            .Fit(Fixtures.Data("data/faithful.csv"));
        Assert.False(m.Converged);
        Assert.Equal(2, m.Iterations);
        Assert.Equal(2, m.LowerBoundHistory.Length);
        Assert.Contains(logger.Messages, s => s.Contains("did not converge"));
    }

    [Fact]
    public void Fit_ReportsProgressForEveryIteration_AndCanBeCancelled()
    {
        var x = Fixtures.Data("data/faithful.csv");
        var seen = new List<EmIteration>();
        var progress = new SynchronousProgress(seen.Add);
        var m = new GaussianMixture(new GaussianMixtureOptions { Components = 2, Seed = 1 }).Fit(x, progress: progress);
        Assert.Equal(m.Iterations, seen.Count);
        Assert.Equal(m.LowerBoundHistory, seen.Select(e => e.LowerBound).ToArray());

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new GaussianMixture(new GaussianMixtureOptions { Components = 2 }).Fit(x, cancellationToken: cts.Token));
    }

    [Fact]
    public void InitialModel_IsWhereTheFitStarts()
    {
        var x = Fixtures.Data("data/faithful.csv");
        var options = new GaussianMixtureOptions { Components = 3, Seed = 8, Init = InitMethod.KMeansPlusPlus, MaxIterations = 1 };
        var start = new GaussianMixture(options).InitialModel(x);
        Assert.Equal(0, start.Iterations);
        // One EM iteration from the initial model equals the first iteration of the fit.
        var fromStart = new GaussianMixture(GaussianMixturePropertyTests.InitFrom(start) with { MaxIterations = 1 }).Fit(x);
        var fit = new GaussianMixture(options).Fit(x);
        Approx.Equal(fit.LowerBoundHistory, fromStart.LowerBoundHistory, 1e-12, "first lower bound");
        Approx.Equal(MatrixSpan.Flat(fit.Means), MatrixSpan.Flat(fromStart.Means), 1e-12, "means after one iteration");
    }

    [Fact]
    public void FitPredict_EqualsPredictAfterFit()
    {
        var x = Fixtures.Data("data/iris.csv");
        var gmm = new GaussianMixture(new GaussianMixtureOptions { Components = 3, Seed = 2 });
        var labels = gmm.FitPredict(x);
        Assert.Equal(gmm.Model!.Predict(x), labels);
    }

    [Theory]
    [InlineData(CovarianceType.Full)]
    [InlineData(CovarianceType.Diag)]
    public void Sample_GroupsByComponent_AndMatchesTheMixtureMoments(CovarianceType type)
    {
        var truth = GaussianMixtureModel.FromParameters(type, [0.25, 0.75], new double[,] { { -3, 0 }, { 4, 1 } },
            new double[,,] { { { 1, type == CovarianceType.Full ? 0.6 : 0 }, { type == CovarianceType.Full ? 0.6 : 0, 2 } }, { { 0.5, 0 }, { 0, 0.5 } } });
        var s = truth.Sample(40_000, seed: 5);
        Assert.Equal(40_000, s.Points.GetLength(0));
        Assert.True(s.Components.Zip(s.Components.Skip(1)).All(p => p.First <= p.Second));
        Assert.Equal(0.25, s.Components.Count(c => c == 0) / 40_000.0, 0.01);
        var first = Enumerable.Range(0, s.Components.Length).Where(i => s.Components[i] == 0).ToArray();
        double mx = first.Average(i => s.Points[i, 0]), my = first.Average(i => s.Points[i, 1]);
        double cxy = first.Average(i => (s.Points[i, 0] - mx) * (s.Points[i, 1] - my));
        Assert.Equal(-3, mx, 0.05);
        Assert.Equal(type == CovarianceType.Full ? 0.6 : 0, cxy, 0.06);
        Assert.Equal(s.Points, truth.Sample(40_000, seed: 5).Points);
    }

    sealed class SynchronousProgress(Action<EmIteration> report) : IProgress<EmIteration>
    {
        public void Report(EmIteration value) => report(value);
    }

    sealed class RecordingLogger : ILogger
    {
        public List<string> Messages { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
