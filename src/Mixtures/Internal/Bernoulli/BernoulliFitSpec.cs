using Mixtures.Data;
using Mixtures.Internal.Means;

namespace Mixtures.Internal.Bernoulli;

/// <summary>The Bernoulli mixture in the fit driver: 0/1 data (or binarized), smoothed means.</summary>
internal sealed class BernoulliFitSpec(BernoulliMixtureOptions options) : MeanFitSpec<BernoulliMixtureModel>
{
    public override IRowSource PrepareData(IRowSource rows) => BinaryData.Prepare(rows, options.BinarizeThreshold);

    public override IMixtureFamily<MeanParameters> CreateFamily(IRowSource data, double totalWeight) =>
        new BernoulliFamily(options.Components, data, totalWeight, options.Alpha);

    public override string? CheckMean(double value) => CheckProbability(value);

    public override MeanParameters? WarmStart(BernoulliMixtureModel previous) => previous.Parameters;

    public override BernoulliMixtureModel CreateModel(MeanParameters parameters, FitInfo info) =>
        new(parameters, info, options.Alpha, options.BinarizeThreshold);

    public static string? CheckProbability(double mu) =>
        mu > 0 && mu < 1 ? null : "a Bernoulli mean is a probability and must lie strictly between 0 and 1.";
}
