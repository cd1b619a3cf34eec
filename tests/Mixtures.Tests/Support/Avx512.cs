using Mixtures.Internal.Kernels;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Mixtures.Tests.Support;

/// <summary>
/// Whether the library's AVX-512 paths run on this machine: <see cref="BlockKernels.IsSupported"/>
/// (which also implies <c>Vector512.IsHardwareAccelerated</c>, the switch of <see cref="LogSumExp"/>'s
/// 512-bit lanes). <c>DOTNET_EnableAVX512=0</c> turns it off on hardware that has AVX-512.
/// </summary>
public static class Avx512
{
    public const string SkipReason = "AVX-512 not supported on this machine";

    public static bool IsSupported => BlockKernels.IsSupported;
}

/// <summary>A fact for an AVX-512 path: reported as skipped (not passed) where <see cref="Avx512.IsSupported"/> is false.</summary>
public sealed class Avx512FactAttribute : FactAttribute
{
    public Avx512FactAttribute()
    {
        if (!Avx512.IsSupported) Skip = Avx512.SkipReason;
    }
}

/// <summary>
/// A theory for an AVX-512 path: where <see cref="Avx512.IsSupported"/> is false every data row is
/// reported as a skipped test case (not passed), one per row, like a skipped row of data.
/// </summary>
[XunitTestCaseDiscoverer("Mixtures.Tests.Support.Avx512TheoryDiscoverer", "Mixtures.Tests")]
public sealed class Avx512TheoryAttribute : TheoryAttribute;

/// <summary>The theory discoverer that turns every row into a skipped test case when AVX-512 is unsupported.</summary>
public sealed class Avx512TheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow) =>
        Avx512.IsSupported
            ? base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow)
            : CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, Avx512.SkipReason);

    /// <summary>Without pre-enumerated rows (pre-enumeration off): the whole theory as one skipped test case.</summary>
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForTheory(ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        Avx512.IsSupported
            ? base.CreateTestCasesForTheory(discoveryOptions, testMethod, theoryAttribute)
            : [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, Avx512.SkipReason)];
}
