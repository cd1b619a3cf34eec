namespace Mixtures.Cli.Fitting;

/// <summary>Keeps the most recent EM iteration reported by the library (thread-safe, no allocation per report).</summary>
internal sealed class LatestProgress : IProgress<EmIteration>
{
    private EmIteration? _latest;

    public EmIteration? Latest => Volatile.Read(ref _latest);

    public void Report(EmIteration value) => Volatile.Write(ref _latest, value);
}
