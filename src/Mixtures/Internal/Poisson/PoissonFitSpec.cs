using Mixtures.Data;
using Mixtures.Internal.Means;

namespace Mixtures.Internal.Poisson;

/// <summary>The Poisson mixture in the fit driver: non-negative integer counts, rates floored at MinRate.</summary>
internal sealed class PoissonFitSpec(PoissonMixtureOptions options) : MeanFitSpec<PoissonMixtureModel>
{
    public override IRowSource PrepareData(IRowSource rows)
    {
        CountData.Require(rows);
        return rows;
    }

    public override IMixtureFamily<MeanParameters> CreateFamily(IRowSource data, double totalWeight) =>
        new PoissonFamily(options.Components, data, totalWeight, options.MinRate);

    public override string? CheckMean(double value) => CheckRate(value);

    public override MeanParameters? WarmStart(PoissonMixtureModel previous) => previous.Parameters;

    public override PoissonMixtureModel CreateModel(MeanParameters parameters, FitInfo info) => new(parameters, info, options.MinRate);

    public static string? CheckRate(double rate) =>
        rate > 0 && double.IsFinite(rate) ? null : "a Poisson rate must be a positive finite number.";
}
