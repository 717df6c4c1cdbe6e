using ExtensibilityHost.Core.Compilation;

namespace ExtensibilityHost.Core.Tests.Compilation;

public sealed class CompileWorkerProtocolTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void EngineSettings_RoundTrip_KeepWhatTheEngineAndItsFingerprintRead()
    {
        var options = new RuntimeOptions
        {
            EnableFuel = true,
            MaxWasmStackBytes = 256 * 1024,
            UsePoolingAllocator = false,
            PoolTotalComponentInstances = 3,
            PoolTotalMemories = 5,
            PoolTotalTables = 7,
            PoolTotalCoreInstances = 11,
            PoolMaxMemoryBytes = 13L * 1024 * 1024,
            KeepResidentBytes = 17,
        };

        var decoded = CompileWorkerProtocol.DecodeEngineSettings(CompileWorkerProtocol.EncodeEngineSettings(options));

        Assert.Equal(SandboxEngine.FingerprintOf(options), SandboxEngine.FingerprintOf(decoded));
        Assert.Equal(
            (options.EnableFuel, options.MaxWasmStackBytes, options.UsePoolingAllocator, options.PoolTotalComponentInstances, options.PoolTotalMemories,
                options.PoolTotalTables, options.PoolTotalCoreInstances, options.PoolMaxMemoryBytes, options.KeepResidentBytes),
            (decoded.EnableFuel, decoded.MaxWasmStackBytes, decoded.UsePoolingAllocator, decoded.PoolTotalComponentInstances, decoded.PoolTotalMemories,
                decoded.PoolTotalTables, decoded.PoolTotalCoreInstances, decoded.PoolMaxMemoryBytes, decoded.KeepResidentBytes));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("WebAssembly component is not valid: too many locals")]
    public void Reply_RoundTrip_KeepsEveryField(string? error)
    {
        var reply = new CompileWorkerReply
        {
            Fingerprint = "wasmtime-50.0.1-0123456789abcdef",
            Error = error,
            CompileMilliseconds = 12.5,
            PeakMemoryBytes = 3L << 30,
            ResidentBytes = 70L << 20,
        };

        Assert.Equal(reply, CompileWorkerProtocol.DecodeReply(CompileWorkerProtocol.EncodeReply(reply)));
    }

    [Fact]
    public void DecodeReply_TruncatedFrame_ThrowsInvalidData()
    {
        var frame = CompileWorkerProtocol.EncodeReply(new CompileWorkerReply { Fingerprint = "f" });

        Assert.Throws<InvalidDataException>(() => CompileWorkerProtocol.DecodeReply(frame[..^1]));
    }

    [Fact]
    public async Task TryReadFrame_StreamEndingBetweenFrames_IsNullAndInsideAFrame_Throws()
    {
        using var stream = new MemoryStream();
        await CompileWorkerProtocol.WriteFrameAsync(stream, new byte[] { 1, 2, 3 }, Cancellation);
        var whole = stream.ToArray();

        using var complete = new MemoryStream(whole);
        Assert.Equal([1, 2, 3], await CompileWorkerProtocol.TryReadFrameAsync(complete, Cancellation));
        Assert.Null(await CompileWorkerProtocol.TryReadFrameAsync(complete, Cancellation));
        using var cut = new MemoryStream(whole[..^1]);
        await Assert.ThrowsAsync<EndOfStreamException>(() => CompileWorkerProtocol.TryReadFrameAsync(cut, Cancellation));
        using var negative = new MemoryStream([0xff, 0xff, 0xff, 0xff]);
        await Assert.ThrowsAsync<InvalidDataException>(() => CompileWorkerProtocol.TryReadFrameAsync(negative, Cancellation));
    }
}
