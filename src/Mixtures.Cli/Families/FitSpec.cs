using Mixtures.Cli.Io;

namespace Mixtures.Cli.Families;

/// <summary>One fit a verb asks of a family's estimators.</summary>
/// <param name="Options">The common EM options: components, restarts, seed, and --init's weights and means.</param>
/// <param name="CovarianceType">The covariance type, for a family that has them (null: the library's default).</param>
/// <param name="Initial">The --init parameters (with precisions, for a family that has covariance types), if any.</param>
internal sealed record FitSpec(MixtureOptions Options, CovarianceType? CovarianceType = null, InitialParameters? Initial = null);
