using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Tests.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExtensibilityHost.Core.Tests.Caching;

/// <summary>
/// Two host nodes on one database, each caching routing state: a change made on one node is seen
/// there at once, and on the other after its next look at the change stamp — driven by hand here:
/// the nodes' pollers are not hosted (they would look every 250 ms of real time).
/// </summary>
[Collection(EventsCollection.Name)]
public sealed class RoutingCacheTests(EventsFixture fixture) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private EmbeddedHost _here = null!;
    private EmbeddedHost _there = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _here = await fixture.StartHostAsync(configure: PollOnlyWhenTold);
        _there = await fixture.StartHostAsync(sharedDataDirectory: _here.DataDirectory, clock: _here.Clock, configure: PollOnlyWhenTold);
        await _here.SeedAsync(Tenant, "handler", fixture.Guest("event-handler"));
        await _here.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Sync);
    }

    [Fact]
    public async Task Approval_OnAnotherNode_RunsHereFromTheNextPoll()
    {
        Assert.Equal(EventPublishStatus.Proceeded, (await PublishAsync(_here)).Status);

        await _there.SeedAsync(Tenant, "handler", fixture.Guest("veto-echo-event-handler"));

        Assert.Equal(EventPublishStatus.Vetoed, (await PublishAsync(_there)).Status);
        Assert.Equal(EventPublishStatus.Proceeded, (await PublishAsync(_here)).Status);
        await PollAsync(_here);
        Assert.Equal(EventPublishStatus.Vetoed, (await PublishAsync(_here)).Status);
    }

    [Fact]
    public async Task KillSwitch_OnAnotherNode_StopsCallsHereFromTheNextPoll()
    {
        Assert.Equal(SyncDecisionKind.Proceed, (await PublishAsync(_here)).Decisions.Single().Decision);

        await _there.WithScopeAsync(async services =>
            Assert.True(await services.GetRequiredService<ExtensionProtection>().SetTenantDisabledAsync(Tenant, true, Cancellation)));

        Assert.Equal(SyncDecisionKind.Proceed, (await PublishAsync(_here)).Decisions.Single().Decision);
        await PollAsync(_here);
        var refused = (await PublishAsync(_here)).Decisions.Single();
        Assert.Equal(SyncDecisionKind.Skipped, refused.Decision);
        Assert.Contains("disabled", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscription_OnAnotherNode_IsDispatchedHereFromTheNextPoll()
    {
        Assert.Empty((await PublishAsync(_here, "order.shipped")).Decisions);

        await _there.SubscribeAsync(Tenant, "order.shipped", "handler", SubscriptionMode.Sync);

        Assert.Empty((await PublishAsync(_here, "order.shipped")).Decisions);
        await PollAsync(_here);
        Assert.Equal(SyncDecisionKind.Proceed, (await PublishAsync(_here, "order.shipped")).Decisions.Single().Decision);
    }

    [Fact]
    public async Task Change_OnThisNode_IsSeenByItsVeryNextCall()
    {
        Assert.Empty((await PublishAsync(_here, "order.shipped")).Decisions);

        await _here.SubscribeAsync(Tenant, "order.shipped", "handler", SubscriptionMode.Sync);

        Assert.Single((await PublishAsync(_here, "order.shipped")).Decisions);
    }

    [Fact]
    public async Task ChangeWithoutAStamp_IsSeenOnceTheMaximumAgeHasPassed()
    {
        await PollAsync(_here);
        Assert.Single((await PublishAsync(_here)).Decisions);

        // As if a node died between its change and the change's stamp.
        await _there.WithDbAsync(db => db.Subscriptions.Where(s => s.TenantId == Tenant).ExecuteDeleteAsync(Cancellation));

        await PollAsync(_here);
        Assert.Single((await PublishAsync(_here)).Decisions);
        _here.Clock.Advance(new CachingOptions().MaxAge);
        await PollAsync(_here);
        Assert.Empty((await PublishAsync(_here)).Decisions);
    }

    [Fact]
    public async Task CachingOff_EveryCallReadsTheDatabase()
    {
        var uncached = await fixture.StartHostAsync(
            new() { ["ExtensibilityHost:Caching:Enabled"] = "false" }, sharedDataDirectory: _here.DataDirectory, clock: _here.Clock);
        Assert.Single((await PublishAsync(uncached)).Decisions);

        await _there.WithDbAsync(db => db.Subscriptions.Where(s => s.TenantId == Tenant).ExecuteDeleteAsync(Cancellation));

        Assert.Empty((await PublishAsync(uncached)).Decisions);
        await uncached.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _there.DisposeAsync();
        await _here.DisposeAsync();
    }

    private static Task<EventPublishResult> PublishAsync(EmbeddedHost node, string eventType = "order.placed") =>
        node.PublishAsync(new DomainEvent(Tenant, eventType, """{"orderId":1}"""), Cancellation);

    private static Task PollAsync(EmbeddedHost node) => node.Get<ChangePoller>().PollAsync(Cancellation);

    private static void PollOnlyWhenTold(IServiceCollection services)
    {
        services.Remove(services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(ChangePoller)));
        services.AddSingleton<ChangePoller>();
    }
}
