using System.Runtime.InteropServices;
using Xunit;

namespace Mixtures.Cli.Tests.Infrastructure;

/// <summary>A fact that needs POSIX signals and the <c>kill</c> command: reported as skipped (not passed) elsewhere.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && !RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            Skip = "needs POSIX signals (Linux or macOS)";
    }
}
