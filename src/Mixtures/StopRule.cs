namespace Mixtures;

/// <summary>When EM stops, and which iterate it reports.</summary>
public enum StopRule
{
    /// <summary>
    /// scikit-learn's: each iteration is E-step then M-step; stop when the mean log-likelihood per sample
    /// (the lower bound, computed before that iteration's M-step) changes by less than the tolerance.
    /// </summary>
    Sklearn,
    /// <summary>
    /// mclust's: the first M-step comes from the initial responsibilities; after every E-step,
    /// stop when |l_{t-1} - l_t| / (1 + |l_t|) &lt;= tolerance for the total log-likelihood l_t of the current
    /// parameters, which are then returned with exactly that likelihood. The default tolerance is 1e-5.
    /// </summary>
    Mclust,
}
