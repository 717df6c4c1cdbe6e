using ExtensibilityHost.Core.Events;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>Sync subscriptions with real guests through the real runner: rank order, veto, replace, failure policies, depth.</summary>
[Collection(EventsCollection.Name)]
public sealed class SyncDispatchTests(EventsFixture fixture) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private EmbeddedHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await fixture.StartHostAsync();
        await _host.SeedAsync(Tenant, "js", fixture.Guest("js-event-handler.wasm"));
        await _host.SeedAsync(Tenant, "rust", fixture.Guest("rust-event-handler.wasm"));
        await _host.SeedAsync(Tenant, "echo-veto", fixture.Guest("veto-echo-event-handler"));
        await _host.SeedAsync(Tenant, "metadata-1-1", fixture.Guest("metadata-event-handler-1.1"));
    }

    /// <summary>
    /// A 1.0 handler and a 1.1 handler of one event in one host: the 1.0 handler gets the 1.0 event
    /// (it runs and proceeds), the 1.1 handler the same event with its metadata — the publisher's
    /// correlation id (kept by a follow-up, else the event's id) and the depth.
    /// </summary>
    [Fact]
    public async Task Publish_ToA10AndA11Handler_EachGetsItsContractsEventAndThe11OneItsMetadata()
    {
        await _host.SubscribeAsync(Tenant, "order.versions", "rust", SubscriptionMode.Sync);
        await _host.SubscribeAsync(Tenant, "order.versions", "metadata-1-1", SubscriptionMode.Sync);
        var cancellation = TestContext.Current.CancellationToken;

        var root = await _host.PublishAsync(new DomainEvent(Tenant, "order.versions", """{"orderId":8}""") { CorrelationId = "checkout-42" }, cancellation);
        var followUp = await _host.PublishAsync(
            new DomainEvent(Tenant, "order.placed", "{}") { CorrelationId = "checkout-42" }.FollowUp("order.versions", """{"orderId":9}"""), cancellation);
        var uncorrelated = new DomainEvent(Tenant, "order.versions", """{"orderId":10}""");
        var own = await _host.PublishAsync(uncorrelated, cancellation);

        Assert.Equal([SyncDecisionKind.Proceed, SyncDecisionKind.Veto], root.Decisions.Select(d => d.Decision));
        Assert.Equal(("metadata-1-1", "checkout-42"), (root.VetoedBy, root.Reason));
        Assert.Equal([SyncDecisionKind.Proceed, SyncDecisionKind.Failed], followUp.Decisions.Select(d => d.Decision));
        Assert.Contains("deep: checkout-42", followUp.Decisions[1].Reason, StringComparison.Ordinal);
        Assert.Equal(uncorrelated.EventId, own.Reason);
    }

    [Fact]
    public async Task Publish_ReplaceThenVeto_TheVetoSeesTheReplacedPayloadAndThePublisherSeesBoth()
    {
        await _host.SubscribeAsync(Tenant, "order.rewrite", "js", SubscriptionMode.Sync);
        await _host.SubscribeAsync(Tenant, "order.rewrite", "echo-veto", SubscriptionMode.Sync);
        await _host.SubscribeAsync(Tenant, "order.rewrite", "rust", SubscriptionMode.Async);

        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.rewrite", """{"orderId":7}"""), TestContext.Current.CancellationToken);

        const string replaced = """{"rewritten":true,"original":"{\"orderId\":7}"}""";
        Assert.Equal(EventPublishStatus.Vetoed, result.Status);
        Assert.True(result.Vetoed);
        Assert.Equal("echo-veto", result.VetoedBy);
        Assert.Equal(replaced, result.Reason);
        Assert.Equal(replaced, result.Payload);
        Assert.Equal([SyncDecisionKind.Replace, SyncDecisionKind.Veto], result.Decisions.Select(d => d.Decision));
        Assert.Equal(["js", "echo-veto"], result.Decisions.Select(d => d.ComponentName));
        Assert.Empty(result.DeliveryIds);
        Assert.Empty(await _host.DeliveriesAsync(Tenant));
    }

    [Fact]
    public async Task Publish_VetoRankedFirst_StopsBeforeLaterHandlersRun()
    {
        await _host.SubscribeAsync(Tenant, "order.placed", "js", SubscriptionMode.Sync, rank: 20);
        await _host.SubscribeAsync(Tenant, "order.placed", "rust", SubscriptionMode.Sync, rank: 10);

        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.placed", """{"note":"forbidden"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(EventPublishStatus.Vetoed, result.Status);
        Assert.Equal("rust", result.VetoedBy);
        Assert.Equal("rust says no", result.Reason);
        var only = Assert.Single(result.Decisions);
        Assert.Equal("rust", only.ComponentName);
        Assert.Single(await _host.InvocationsAsync(Tenant));
    }

    [Fact]
    public async Task Publish_ReplaceThenProceed_PublisherAndAsyncDeliveriesGetTheNewPayload()
    {
        await _host.SubscribeAsync(Tenant, "order.rewrite", "js", SubscriptionMode.Sync);
        await _host.SubscribeAsync(Tenant, "order.rewrite", "rust", SubscriptionMode.Sync);
        await _host.SubscribeAsync(Tenant, "order.rewrite", "echo-veto", SubscriptionMode.Async);

        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.rewrite", "{}"), TestContext.Current.CancellationToken);

        const string replaced = """{"rewritten":true,"original":"{}"}""";
        Assert.Equal(EventPublishStatus.Proceeded, result.Status);
        Assert.False(result.Vetoed);
        Assert.Equal(replaced, result.Payload);
        Assert.Equal([SyncDecisionKind.Replace, SyncDecisionKind.Proceed], result.Decisions.Select(d => d.Decision));
        var delivery = Assert.Single(await _host.DeliveriesAsync(Tenant));
        Assert.Equal(Assert.Single(result.DeliveryIds), delivery.Id);
        Assert.Equal(replaced, delivery.Payload);
        Assert.Equal(result.EventId, delivery.EventId);
    }

    [Fact]
    public async Task Publish_EveryHandlerRuns_EachInvocationIsLoggedWithTheEventId()
    {
        await _host.SubscribeAsync(Tenant, "order.placed", "js", SubscriptionMode.Sync);
        await _host.SubscribeAsync(Tenant, "order.placed", "rust", SubscriptionMode.Sync);

        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.placed", """{"orderId":1}"""), TestContext.Current.CancellationToken);

        var invocations = await _host.InvocationsAsync(Tenant);
        Assert.Equal(2, invocations.Count);
        Assert.All(invocations, i => Assert.Equal(result.EventId, i.EventId));
        Assert.All(invocations, i => Assert.Equal("event:order.placed", i.Target));
        Assert.Equal(result.Decisions.Select(d => d.InvocationId), invocations.Select(i => (Guid?)i.Id));
    }

    [Fact]
    public async Task Publish_FailingHandlerFailOpen_IsRecordedAndTheOperationProceeds()
    {
        await _host.SubscribeAsync(Tenant, "order.placed", "rust", SubscriptionMode.Sync, onFailure: SyncFailurePolicy.FailOpen);

        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.placed", """{"fail":true}"""), TestContext.Current.CancellationToken);

        Assert.Equal(EventPublishStatus.Proceeded, result.Status);
        var decision = Assert.Single(result.Decisions);
        Assert.Equal(SyncDecisionKind.Failed, decision.Decision);
        Assert.Equal(SyncFailurePolicy.FailOpen, decision.AppliedPolicy);
        Assert.Equal("guest-error", decision.Outcome);
        Assert.Contains("rust-fail: rust handler failed on order.placed", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_FailingHandlerFailClosed_VetoesNamingTheComponentAndTheFailure()
    {
        await _host.SubscribeAsync(Tenant, "order.placed", "rust", SubscriptionMode.Sync, onFailure: SyncFailurePolicy.FailClosed);
        await _host.SubscribeAsync(Tenant, "order.placed", "js", SubscriptionMode.Sync);

        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.placed", """{"fail":true}"""), TestContext.Current.CancellationToken);

        Assert.Equal(EventPublishStatus.Vetoed, result.Status);
        Assert.Equal("rust", result.VetoedBy);
        Assert.Contains("'rust' failed and its subscription is fail-closed: guest-error: rust-fail", result.Reason, StringComparison.Ordinal);
        Assert.Single(result.Decisions);
    }

    [Fact]
    public async Task Publish_HandlerWithoutAnActiveVersion_IsSkippedAndTheOperationProceeds()
    {
        await _host.SubscribeAsync(Tenant, "order.placed", "rust", SubscriptionMode.Sync, onFailure: SyncFailurePolicy.FailClosed);
        await _host.WithDbAsync(db => db.Versions.Where(v => v.ComponentName == "rust")
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Status, Core.Versions.VersionStatus.Suspended)));

        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.placed", """{"note":"forbidden"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(EventPublishStatus.Proceeded, result.Status);
        var decision = Assert.Single(result.Decisions);
        Assert.Equal(SyncDecisionKind.Skipped, decision.Decision);
        Assert.Contains("suspended", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_DepthOverEight_IsRefusedWithoutRunningAnything()
    {
        await _host.SubscribeAsync(Tenant, "order.placed", "rust", SubscriptionMode.Sync);
        await _host.SubscribeAsync(Tenant, "order.placed", "js", SubscriptionMode.Async);

        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.placed", "{}") { Depth = DomainEvent.MaxDepth + 1 }, TestContext.Current.CancellationToken);

        Assert.Equal(EventPublishStatus.Refused, result.Status);
        Assert.Contains("9 levels deep, more than the 8 allowed", result.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Decisions);
        Assert.Empty(await _host.InvocationsAsync(Tenant));
        Assert.Empty(await _host.DeliveriesAsync(Tenant));
    }

    [Fact]
    public async Task Publish_FollowUpChainAtTheMaximumDepth_IsStillDispatched()
    {
        await _host.SubscribeAsync(Tenant, "order.placed", "rust", SubscriptionMode.Sync);
        DomainEvent domainEvent = new(Tenant, "order.placed", "{}");
        for (var depth = 0; depth < DomainEvent.MaxDepth; depth++)
        {
            domainEvent = domainEvent.FollowUp("order.placed", "{}");
        }

        var result = await _host.PublishAsync(domainEvent, TestContext.Current.CancellationToken);

        Assert.Equal(DomainEvent.MaxDepth, domainEvent.Depth);
        Assert.Equal(EventPublishStatus.Proceeded, result.Status);
        Assert.Single(result.Decisions);
    }

    [Fact]
    public async Task Publish_NotJsonPayload_IsRefused()
    {
        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.placed", "{not json"), TestContext.Current.CancellationToken);

        Assert.Equal(EventPublishStatus.Refused, result.Status);
        Assert.Contains("'payload': the payload is not JSON", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_NoSubscriptions_ProceedsWithThePayloadUnchanged()
    {
        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.shipped", """{"id":3}"""), TestContext.Current.CancellationToken);

        Assert.Equal(EventPublishStatus.Proceeded, result.Status);
        Assert.Equal("""{"id":3}""", result.Payload);
        Assert.Empty(result.Decisions);
        Assert.Empty(result.DeliveryIds);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
