namespace Mixtures.Internal.Gaussian.Covariance;

/// <summary>mclust's EEE, one Sigma = W / N for all: scikit-learn's tied M-step, stored once per component.</summary>
internal sealed class Eee() : SharedStructure(new Tied())
{
    public override CovarianceType Type => CovarianceType.EEE;
    public override string Name => "EEE";

    protected override void Check(MStepInputs inputs, ReadOnlySpan<double> sigma) => CholeskyRule(inputs, sigma, 1, _ => -1);
}
