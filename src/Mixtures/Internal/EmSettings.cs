namespace Mixtures.Internal;

/// <summary>
/// Family-independent settings of one EM run. <c>Rule</c> is the stop rule: scikit-learn's (the default)
/// or mclust's, a hook in the one loop rather than a second loop.
/// </summary>
internal sealed record EmSettings(int MaxIterations, double Tolerance, DegenerateHandling Degenerate, StopRule Rule = StopRule.Sklearn);
