using Xunit;

namespace Mixtures.Cli.Tests.Infrastructure;

/// <summary>A fact that needs a writable cgroup v1 memory controller (root on Linux): reported as skipped, with the reason, elsewhere.</summary>
public sealed class CgroupFactAttribute : FactAttribute
{
    public const string Root = "/sys/fs/cgroup/memory";

    public CgroupFactAttribute()
    {
        if (!File.Exists(Path.Combine(Root, "memory.limit_in_bytes")))
            Skip = $"needs the cgroup v1 memory controller at {Root}";
        else if (Environment.UserName != "root")
            Skip = $"needs root to create a cgroup under {Root}";
    }
}
