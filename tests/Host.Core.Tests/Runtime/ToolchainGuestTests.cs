using System.Text.Json;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>
/// Guests built by standard toolchains, from source: Rust with std for wasm32-wasip1 and standard
/// Go 1.24, both made components with the WASI reactor adapter (the import shape of
/// <c>cargo component</c>), run under the host's deny-by-default WASI.
/// </summary>
[Collection(BuiltGuestsCollection.Name)]
public sealed class ToolchainGuestTests(BuiltGuestsFixture guests)
{
    private static readonly InvocationTarget Invoke = new(HostInterfaces.ExtensionPoint, "invoke");

    private static JsonElement OkJson(InvocationResult result)
    {
        Assert.True(result.Outcome == InvocationOutcome.Ok, $"{result.Outcome}: {result.Error}");
        return JsonDocument.Parse(result.Output!.Payload!.AsString()).RootElement;
    }

    [Theory]
    [InlineData("rust-std-event-handler.wasm", "rust-std")]
    [InlineData("go-event-handler.wasm", "go")]
    public async Task Handle_OrdinaryEvent_ProceedsWithStdoutAndLoggingInTheLog(string guest, string lang)
    {
        var result = await guests.HandleAsync(guest, "order.placed", """{"orderId":42}""");

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.Equal("proceed", result.Output!.Payload!.AsVariant());
        Assert.Equal(
            [(GuestLogSource.Stdout, GuestLogLevel.Info, $"{lang} handler: order.placed evt-1"), (GuestLogSource.Log, GuestLogLevel.Info, $"{lang} logged order.placed")],
            result.Logs.Select(l => (l.Source, l.Level, l.Message)));
    }

    [Theory]
    [InlineData("rust-std-event-handler.wasm", "rust-std")]
    [InlineData("go-event-handler.wasm", "go")]
    public async Task Handle_ForbiddenPayload_Vetoes(string guest, string lang)
    {
        var result = await guests.HandleAsync(guest, "order.placed", """{"note":"forbidden"}""");

        var decision = result.Output!.Payload!;
        Assert.Equal(("veto", $"{lang} says no"), (decision.AsVariant(), decision.Payload!.AsString()));
    }

    [Theory]
    [InlineData("rust-std-event-handler.wasm", "rust-std")]
    [InlineData("go-event-handler.wasm", "go")]
    public async Task Handle_Rewrite_ReplacesWithTheCountKeptInKeyValue(string guest, string lang)
    {
        var first = await guests.HandleAsync(guest, "order.rewrite", "{}");
        var second = await guests.HandleAsync(guest, "order.rewrite", "{}");

        var before = JsonDocument.Parse(first.Output!.Payload!.Payload!.AsString()).RootElement;
        var after = JsonDocument.Parse(second.Output!.Payload!.Payload!.AsString()).RootElement;
        Assert.Equal(("replace", lang), (second.Output!.Payload!.AsVariant(), after.GetProperty("rewrittenBy").GetString()));
        Assert.Equal(before.GetProperty("count").GetInt32() + 1, after.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("rust-std-event-handler.wasm", "rust-std")]
    [InlineData("go-event-handler.wasm", "go")]
    public async Task Handle_FailingPayload_IsGuestErrorWithTheFailure(string guest, string lang)
    {
        var result = await guests.HandleAsync(guest, "order.placed", """{"note":"fail"}""");

        Assert.Equal(InvocationOutcome.GuestError, result.Outcome);
        var failure = result.Output!.Payload!.AsRecord();
        Assert.Equal($"{lang}-fail", failure.Single(f => f.Key == "code").Value.AsString());
    }

    [Theory]
    [InlineData("rust-std-point.wasm", "rust-std")]
    [InlineData("go-point.wasm", "go")]
    public async Task Invoke_Point_AnswersAndItsStdoutAndStderrAreLogLines(string guest, string lang)
    {
        var output = OkJson(await guests.InvokePointAsync(guest, "orders.enrich", """{"a":1}"""));
        var result = await guests.InvokePointAsync(guest, "orders.enrich", """{"a":1}""");

        Assert.Equal((lang, "orders.enrich", 1), (output.GetProperty("lang").GetString(), output.GetProperty("point").GetString(), output.GetProperty("input").GetProperty("a").GetInt32()));
        Assert.Contains((GuestLogSource.Stdout, GuestLogLevel.Info, $"{lang} point: orders.enrich"), result.Logs.Select(l => (l.Source, l.Level, l.Message)));
        Assert.Contains((GuestLogSource.Stderr, GuestLogLevel.Error, $"{lang} stderr: orders.enrich"), result.Logs.Select(l => (l.Source, l.Level, l.Message)));
        Assert.Contains((GuestLogSource.Log, GuestLogLevel.Info, $"{lang} invoked orders.enrich"), result.Logs.Select(l => (l.Source, l.Level, l.Message)));
    }

    [Theory]
    [InlineData("rust-std-point.wasm")]
    [InlineData("go-point.wasm")]
    public async Task Invoke_WasiProbe_SeesNoFilesEnvironmentOrArgumentsButAClock(string guest)
    {
        var probe = OkJson(await guests.InvokePointAsync(guest, "probe.wasi", """{"port":9}"""));

        Assert.StartsWith("error:", probe.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, probe.GetProperty("env").GetInt32());
        Assert.Equal(0, probe.GetProperty("args").GetInt32());
        Assert.InRange(probe.GetProperty("clockMs").GetInt64(), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Invoke_RustProbe_CannotConnectASocket()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

        var probe = OkJson(await guests.InvokePointAsync("rust-std-point.wasm", "probe.wasi", $$"""{"port":{{port}}}"""));

        Assert.StartsWith("error:", probe.GetProperty("connect").GetString(), StringComparison.Ordinal);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task Invoke_GoProbe_GetsRandomBytes()
    {
        var probe = OkJson(await guests.InvokePointAsync("go-point.wasm", "probe.wasi", "{}"));

        Assert.True(probe.GetProperty("random").GetBoolean());
    }

    [Fact]
    public async Task Invoke_RustPanic_IsATrapWithThePanicMessageFromStderr()
    {
        var result = await guests.InvokePointAsync("rust-std-point.wasm", "panic", "{}");

        Assert.Equal((InvocationOutcome.Trap, TrapKind.Unreachable), (result.Outcome, result.Trap));
        Assert.Contains(result.Logs, l => l is { Source: GuestLogSource.Stderr, Level: GuestLogLevel.Error, Message: "rust-std panicked on purpose" });
    }

    [Fact]
    public async Task Invoke_ChattyGuest_StdoutIsCappedLikeTheLoggingImport()
    {
        var result = await guests.InvokePointAsync("rust-std-point.wasm", "chatty", "{}");

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.Equal(100, result.Logs.Count);
        Assert.Equal("line 99", result.Logs[^1].Message);
        Assert.Equal(401, result.LogsDropped);
    }

    [Fact]
    public async Task Invoke_GoBeyondItsFixedHeap_TrapsCleanlyAndTheNextCallRuns()
    {
        var exhausted = await guests.InvokePointAsync("go-point.wasm", "alloc", """{"MiB":64}""");
        var next = OkJson(await guests.InvokePointAsync("go-point.wasm", "alloc", """{"MiB":4}"""));

        Assert.Equal(InvocationOutcome.Trap, exhausted.Outcome);
        Assert.Contains(exhausted.Logs, l => l is { Source: GuestLogSource.Stderr, Message: "fatal error: out of memory" });
        Assert.Equal(4, next.GetProperty("allocatedMiB").GetInt32());
    }

    [Theory]
    [InlineData("rust-std-point.wasm")]
    [InlineData("go-point.wasm")]
    public async Task Invoke_WithFilesystemNoLongerAllowed_IsRefusedWithoutRunning(string guest)
    {
        var policy = new WasiPolicy(new WasiOptions { AllowedInterfaces = [.. WasiInterfaces.DefaultAllowed.Where(i => !i.StartsWith("wasi:filesystem/", StringComparison.Ordinal))] });
        var result = await InvokeWithPolicyAsync(guest, policy);

        Assert.Equal(InvocationOutcome.HostError, result.Outcome);
        Assert.Contains("wasi:filesystem/", result.Error, StringComparison.Ordinal);
        Assert.Contains("which this host does not allow", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Logs);
    }

    [Fact]
    public async Task Invoke_WithWasiTurnedOff_IsRefusedWithoutRunning()
    {
        var result = await InvokeWithPolicyAsync("rust-std-point.wasm", new WasiPolicy(new WasiOptions { Enabled = false }));

        Assert.Equal(InvocationOutcome.HostError, result.Outcome);
        Assert.Contains("WASI is turned off", result.Error, StringComparison.Ordinal);
    }

    private static async Task<InvocationResult> InvokeWithPolicyAsync(string guest, WasiPolicy policy)
    {
        using var engine = new SandboxEngine(
            RuntimeFixture.TestOptions(),
            HostCapabilities.Standard(new InMemoryKeyValueStore(new KeyValueOptions()), new InMemoryConfigSource(), wasi: policy));
        var component = engine.Compile(await File.ReadAllBytesAsync(Guests.Built(guest), TestContext.Current.CancellationToken));
        var context = new InvocationContext { TenantId = "acme", ComponentName = "refused", Version = "1" };
        return new ComponentSandbox(engine).Invoke(
            component, Invoke, [ComponentValue.String("orders.enrich"), ComponentValue.String("{}")], context, BuiltGuestsFixture.Limits);
    }
}
