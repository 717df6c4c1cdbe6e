using System.Globalization;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>
/// A guest's false size claim must not make the host allocate it, in managed or native memory.
/// </summary>
/// <remarks>
/// Peak resident memory is a process-wide figure, so these tests run alone: other tests'
/// compilations and pooled memories would otherwise show up in the peak.
/// </remarks>
[Collection(SerialRuntimeCollection.Name)]
public sealed class HostAllocationTests(RuntimeFixture runtime)
{
    private const long NativeGrowthBound = 64L * 1024 * 1024;

    [Fact]
    public void Invoke_StringLengthOutOfBounds_TrapsWithoutALargeHostAllocation()
    {
        var guest = runtime.Wat("bad-string");
        var target = InvocationTarget.Parse("get");
        var context = InvocationContext.Local("limits");
        var nativeBefore = ResetPeakResidentBytes();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

        var result = runtime.Sandbox.Invoke(guest, target, [], context);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var nativeGrowth = StatusBytes("VmHWM") - nativeBefore;
        Assert.Equal(InvocationOutcome.Trap, result.Outcome);
        Assert.Equal(TrapKind.StringOutOfBounds, result.Trap);
        Assert.True(allocated < 1024 * 1024, $"the host allocated {allocated} managed bytes for a 2 GiB string claim");
        Assert.True(nativeGrowth < NativeGrowthBound, $"peak resident memory grew by {nativeGrowth} bytes for a 2 GiB string claim");
    }

    /// <summary>Resets the process's peak resident size to its current one and returns that (Linux only).</summary>
    private static long ResetPeakResidentBytes()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "peak resident memory is read from /proc");

        // "5" resets VmHWM to the current VmRSS (Linux 4.0+).
        File.WriteAllText("/proc/self/clear_refs", "5");
        return StatusBytes("VmRSS");
    }

    private static long StatusBytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        var kilobytes = line[(field.Length + 1)..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialRuntimeCollection : ICollectionFixture<RuntimeFixture>
{
    public const string Name = "runtime-serial";
}
