using System.Diagnostics;
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
public sealed class HostAllocationTests(RuntimeFixture runtime, ITestOutputHelper output)
{
    private const long NativeGrowthBound = 64L * 1024 * 1024;

    /// <summary>What a guest passes to each host import in <see cref="HostImport_PassedAMebibyte_CostsTheHostAFewBytesPerByte"/>.</summary>
    private const int PassedBytes = 1024 * 1024;

    /// <summary>
    /// Host memory per byte passed that an import may cost: managed allocations, and growth of
    /// peak resident memory (which includes the managed heap). A string is lifted once by Wasmtime
    /// (UTF-8) and once by Wasmtime.Dotnet (UTF-16): 2 bytes managed, ~2-5 resident. key-value.set
    /// cost 89 managed and 167 resident before the host wrapped it (KeyValueSetLowering).
    /// </summary>
    private const double ManagedBytesPerByte = 4;

    private const double ResidentBytesPerByte = 8;

    /// <summary>
    /// Peak resident memory is the process's: a collection or another thread's allocation during the
    /// call adds to it. 32 MiB of slack keeps the check meaningful (key-value.set's old cost was
    /// 175 MB for 1 MiB) without measuring the machine.
    /// </summary>
    private const long ResidentSlackBytes = 32L * 1024 * 1024;

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

    /// <summary>
    /// Every host import, passed 1 MiB from the guest's memory (far over every cap): the host
    /// answers as for any over-long argument and allocates a small constant per byte passed.
    /// </summary>
    [Theory]
    [InlineData("kv-set", "GuestError", "value is 1048576 bytes; the limit is 65536")]
    [InlineData("kv-key", "GuestError", "key is 1048576 bytes; the limit is 256")]
    [InlineData("kv-get", "Ok", null)]
    [InlineData("kv-delete", "Ok", null)]
    [InlineData("log", "Ok", null)]
    [InlineData("config", "Ok", null)]
    public void HostImport_PassedAMebibyte_CostsTheHostAFewBytesPerByte(string export, string outcome, string? error)
    {
        var result = MeasurePassedMebibyte(runtime.Wat("host-import-flood"), export, export, [ComponentValue.U32(16)], [ComponentValue.U32(PassedBytes)]);

        Assert.Equal((outcome, error), (result.Outcome.ToString(), result.Output is { IsOk: false } failed ? failed.Payload!.AsString() : null));
    }

    /// <summary>
    /// outbound-http's fetch, passed 1 MiB as its URL, its headers or its body (outbound-fetch.wat's
    /// <c>flood</c>): refused as <c>invalid-request</c> on the length of the string Wasmtime lifted,
    /// at the cost of lifting it and no more, before any connection.
    /// </summary>
    [Theory]
    [InlineData(0u, "url", "the URL is over 8192 bytes")]
    [InlineData(1u, "headers", "the headers are over 8192 bytes")]
    [InlineData(2u, "body", "the body is over 65536 bytes")]
    public void OutboundFetch_PassedAMebibyte_CostsTheHostAFewBytesPerByte(uint field, string name, string error)
    {
        var result = MeasurePassedMebibyte(
            runtime.Wat("outbound-fetch"), "test:outbound/probe@1.0.0#flood", $"fetch {name}", [ComponentValue.U32(field), ComponentValue.U32(16)], [ComponentValue.U32(field), ComponentValue.U32(PassedBytes)]);

        Assert.Equal(InvocationOutcome.GuestError, result.Outcome);
        Assert.Equal(("invalid-request", error), (result.Output!.Payload!.AsVariant(), result.Output.Payload.Payload!.AsString()));
    }

    /// <summary>
    /// Calls <paramref name="export"/> once with <paramref name="warmUp"/> arguments, then measures a call
    /// with <paramref name="arguments"/> that pass <see cref="PassedBytes"/>: managed bytes allocated on
    /// this thread and growth of peak resident memory, per byte passed, against the bounds.
    /// </summary>
    private InvocationResult MeasurePassedMebibyte(CompiledComponent guest, string export, string label, ComponentValue[] warmUp, ComponentValue[] arguments)
    {
        var target = InvocationTarget.Parse(export);
        var context = InvocationContext.Local("flood");
        runtime.Sandbox.Invoke(guest, target, warmUp, context);
        GC.Collect();
        var residentBefore = ResetPeakResidentBytes();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var elapsed = Stopwatch.StartNew();

        var result = runtime.Sandbox.Invoke(guest, target, arguments, context);

        elapsed.Stop();
        var managed = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)PassedBytes;
        var residentGrowth = StatusBytes("VmHWM") - residentBefore;
        var resident = residentGrowth / (double)PassedBytes;
        output.WriteLine($"{label}: 1 MiB passed → {result.Outcome}; {managed:F1} managed and {resident:F1} resident bytes per byte; {elapsed.Elapsed.TotalMilliseconds:F1} ms");
        Assert.True(managed <= ManagedBytesPerByte, $"{label} allocated {managed:F1} managed bytes per byte passed");
        Assert.True(
            residentGrowth <= (ResidentBytesPerByte * PassedBytes) + ResidentSlackBytes,
            $"{label} grew peak resident memory by {resident:F1} bytes per byte passed");
        return result;
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
