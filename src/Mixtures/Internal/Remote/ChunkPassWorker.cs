using Mixtures.Data;
using Mixtures.Internal.Bernoulli;
using Mixtures.Internal.Gaussian;
using Mixtures.Internal.Gaussian.Variational;
using Mixtures.Internal.Means;
using Mixtures.Internal.Poisson;
using Mixtures.Serialization;

namespace Mixtures.Internal.Remote;

/// <summary>
/// The worker's side of a distributed fit: given the current model (in the model file format, which
/// restores parameters bit for bit) and some chunks of the plan, runs the one local EM pass over those
/// chunks of its own copy of the rows and returns their outcomes. What a family needs beyond that
/// (Bernoulli's binarization) comes from the model, so the worker knows nothing of the fit's options.
/// The loop (and its pooled per-chunk state) is kept while successive passes have the same shape.
/// </summary>
internal sealed class ChunkPassWorker(IRowSource rows, int? maxThreads) : IDisposable
{
    object? _loop;      // ExpectationMaximization<T> of the last shape
    string? _shape;
    IRowSource? _prepared;

    public IReadOnlyList<ChunkOutcome> Run(string modelJson, int[] chunks, CancellationToken ct)
    {
        var model = MixtureModelJson.FromJson(modelJson, "the coordinator's model");
        if (model.Features != rows.Features)
            throw new InvalidDataException($"The model has {model.Features} features but this worker's rows have {rows.Features}.");
        using var cancellation = FitCancellation.Enter(ct);
        int k = model.Components, d = model.Features;
        switch (model)
        {
            case BayesianGaussianMixtureModel b:
            {
                var moments = b.Parameters.Model.Moments;
                return Pass($"variational {b.Parameters.Model.Name} {k} {d}", rows, b.Variational, chunks,
                    () => new BoundPassFamily<VariationalParameters>(k, d, p => new GaussianEvaluator(p.Point, p.LogWeightTerms),
                        () => new VariationalStatistics(new GaussianStatistics(moments, k, d))));
            }
            case GaussianMixtureModel g:
            {
                var moments = g.Parameters.Model.Moments;
                return Pass($"gaussian {g.Parameters.Model.Name} {k} {d}", rows, g.Parameters, chunks,
                    () => new PassFamily<GaussianParameters>(k, d, p => new GaussianEvaluator(p),
                        () => new GaussianStatistics(moments, k, d)));
            }
            case BernoulliMixtureModel m:
            {
                // The coordinator checked the data; a threshold binarizes as the rows are read, as in the local fit.
                string shape = $"bernoulli {m.BinarizeThreshold?.ToString("R") ?? "none"} {k} {d}";
                var source = shape == _shape ? _prepared! : m.BinarizeThreshold is { } t ? BinaryData.Prepare(rows, t) : rows;
                return Pass(shape, source, m.Parameters, chunks,
                    () => new PassFamily<MeanParameters>(k, d, p => LinearEvaluator.For(p, BernoulliFamily.Terms, null),
                        () => new MeanStatistics<MeanParameters>(k, d)));
            }
            case PoissonMixtureModel m:
                return Pass($"poisson {k} {d}", rows, m.Parameters, chunks,
                    () => new PassFamily<MeanParameters>(k, d, p => LinearEvaluator.For(p, PoissonFamily.Terms, LogFactorial.NegativeRowSum),
                        () => new MeanStatistics<MeanParameters>(k, d)));
            default:
                throw new NotSupportedException($"A {model.Family} model cannot be fitted on a cluster yet.");
        }
    }

    IReadOnlyList<ChunkOutcome> Pass<TParams>(string shape, IRowSource source, TParams parameters, int[] chunks,
        Func<IMixtureFamily<TParams>> family) where TParams : class
    {
        if (shape != _shape || _loop is not ExpectationMaximization<TParams>)
        {
            (_loop as IDisposable)?.Dispose();
            _loop = null;
            _shape = null;
            _loop = new ExpectationMaximization<TParams>(family(), source, 1.0, maxThreads);
            _shape = shape;
            _prepared = source;
        }
        return ((ExpectationMaximization<TParams>)_loop).PassChunks(parameters, chunks);
    }

    public void Dispose()
    {
        (_loop as IDisposable)?.Dispose();
        _loop = null;
    }
}
