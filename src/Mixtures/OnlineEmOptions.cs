namespace Mixtures;

/// <summary>
/// Stepwise (online) EM in the manner of Cappé and Moulines (2009) and Liang and Klein (2009): after each
/// mini-batch of <see cref="BatchSize"/> rows, in row order, the running sufficient statistics become
/// s = (1 - eta_t) s + eta_t s_batch with eta_t = (t + 2)^-a (t = 0, 1, ... counts mini-batches, a =
/// <see cref="StepExponent"/>), and the M-step runs on them. It reads the rows in order, <see cref="Passes"/>
/// times, so it fits a stream that can be read only once (Passes = 1), and for a fixed seed and row order
/// it gives the same model every time.
/// </summary>
public sealed record OnlineEmOptions
{
    /// <summary>Rows per mini-batch (at least 1; the first batch also initializes the fit, so it needs at least K rows).</summary>
    public int BatchSize { get; init; } = 10_000;

    /// <summary>Passes over the rows (at least 1). With more than one, the step size keeps decreasing across passes.</summary>
    public int Passes { get; init; } = 1;

    /// <summary>The exponent a of the step size eta_t = (t + 2)^-a, in (0.5, 1]: smaller forgets the early batches faster.</summary>
    public double StepExponent { get; init; } = 0.6;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first bad value.</summary>
    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be at least 1.");
        if (Passes < 1) throw new ArgumentOutOfRangeException(nameof(Passes), Passes, "The number of passes must be at least 1.");
        if (!(StepExponent > 0.5 && StepExponent <= 1))
            throw new ArgumentOutOfRangeException(nameof(StepExponent), StepExponent, "The step exponent must be in (0.5, 1] (Cappé and Moulines' condition for convergence).");
    }
}
