using ExtensibilityHost.Core.Runtime.Imports;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>The JavaScript (componentize-js) and Rust (the SDK crate, without WASI) event handlers, built from source.</summary>
[Collection(BuiltGuestsCollection.Name)]
public sealed class EventHandlerGuestTests(BuiltGuestsFixture guests)
{
    [Theory]
    [InlineData("js-event-handler.wasm", "js handler: order.placed event evt-1 for acme")]
    [InlineData("rust-event-handler.wasm", "rust handler: order.placed event evt-1, payload 14 bytes")]
    public async Task Handle_OrdinaryEvent_ProceedsAndItsLogLineIsCaptured(string guest, string expectedLog)
    {
        var result = await guests.HandleAsync(guest, "order.placed", """{"orderId":42}""");

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.Equal("proceed", result.Output!.Payload!.AsVariant());
        var line = Assert.Single(result.Logs);
        Assert.Equal(GuestLogLevel.Info, line.Level);
        Assert.Equal(expectedLog, line.Message);
    }

    [Theory]
    [InlineData("js-event-handler.wasm", "js vetoed order.placed: payload is forbidden")]
    [InlineData("rust-event-handler.wasm", "rust says no")]
    public async Task Handle_ForbiddenPayload_VetoesWithAReason(string guest, string reason)
    {
        var result = await guests.HandleAsync(guest, "order.placed", """{"note":"forbidden"}""");

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        var decision = result.Output!.Payload!;
        Assert.Equal("veto", decision.AsVariant());
        Assert.Equal(reason, decision.Payload!.AsString());
    }

    [Fact]
    public async Task Handle_RewriteEventInJavaScript_ReplacesThePayload()
    {
        var result = await guests.HandleAsync("js-event-handler.wasm", "order.rewrite", "{}");

        var decision = result.Output!.Payload!;
        Assert.Equal("replace", decision.AsVariant());
        Assert.Equal("""{"rewritten":true,"original":"{}"}""", decision.Payload!.AsString());
    }

    [Theory]
    [InlineData("js-event-handler.wasm", "js-fail", "js handler failed on order.placed")]
    [InlineData("rust-event-handler.wasm", "rust-fail", "rust handler failed on order.placed")]
    public async Task Handle_FailingPayload_IsGuestErrorWithTheFailureRecord(string guest, string code, string message)
    {
        var result = await guests.HandleAsync(guest, "order.placed", """{"fail":true}""");

        Assert.Equal(InvocationOutcome.GuestError, result.Outcome);
        var failure = result.Output!.Payload!;
        Assert.Equal(code, failure.Field("code").AsString());
        Assert.Equal(message, failure.Field("message").AsString());
    }
}
