namespace Mixtures.Internal;

/// <summary>Family-independent settings of one EM run.</summary>
internal sealed record EmSettings(int MaxIterations, double Tolerance, DegenerateHandling Degenerate);
