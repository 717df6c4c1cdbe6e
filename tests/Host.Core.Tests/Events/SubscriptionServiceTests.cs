using ExtensibilityHost.Core.Events;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>Subscribing, ranking, listing and unsubscribing against a real SQLite database.</summary>
[Collection(EventsCollection.Name)]
public sealed class SubscriptionServiceTests(EventsFixture fixture) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private EmbeddedHost _host = null!;
    private AsyncServiceScope _scope;

    private SubscriptionService Subscriptions => _scope.ServiceProvider.GetRequiredService<SubscriptionService>();

    public async ValueTask InitializeAsync()
    {
        _host = await fixture.StartHostAsync();
        foreach (var component in new[] { "first", "second", "third" })
        {
            await _host.SeedAsync(Tenant, component, fixture.Guest("event-handler"));
        }

        await _host.SeedAsync("globex", "elsewhere", fixture.Guest("event-handler"));
        _scope = _host.Services.CreateAsyncScope();
    }

    private Task<SubscriptionUpsertResult> UpsertAsync(string component, SubscriptionMode mode = SubscriptionMode.Sync, int? rank = null, string eventType = "order.placed", SyncFailurePolicy? onFailure = null) =>
        Subscriptions.UpsertAsync(
            new UpsertSubscription { TenantId = Tenant, EventType = eventType, Component = component, Mode = mode, Rank = rank, OnFailure = onFailure },
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task Upsert_NewSubscriptionsWithoutRank_GoLastInStepsOfTen()
    {
        var first = await UpsertAsync("first");
        var second = await UpsertAsync("second");

        Assert.Equal(SubscriptionUpsertStatus.Created, first.Status);
        Assert.Equal(10, first.Subscription!.Rank);
        Assert.Equal(20, second.Subscription!.Rank);
    }

    [Fact]
    public async Task Upsert_ExplicitRank_PutsTheSubscriptionBetweenOthersInDispatchOrder()
    {
        await UpsertAsync("first");
        await UpsertAsync("second");

        await UpsertAsync("third", rank: 15);

        var listed = await Subscriptions.ListAsync(Tenant, "order.placed", TestContext.Current.CancellationToken);
        Assert.Equal(["first", "third", "second"], listed.Select(s => s.ComponentName));
    }

    [Fact]
    public async Task Upsert_ExistingSubscriptionWithoutRank_ChangesModeAndKeepsItsPlace()
    {
        var created = await UpsertAsync("first", onFailure: SyncFailurePolicy.FailClosed);
        await UpsertAsync("second");

        var updated = await UpsertAsync("first", SubscriptionMode.Async);

        Assert.Equal(SubscriptionUpsertStatus.Updated, updated.Status);
        Assert.Equal(created.Subscription!.Id, updated.Subscription!.Id);
        Assert.Equal(SubscriptionMode.Async, updated.Subscription.Mode);
        Assert.Null(updated.Subscription.OnFailure);
        Assert.Equal(10, updated.Subscription.Rank);
        Assert.Equal(2, (await Subscriptions.ListAsync(Tenant, cancellationToken: TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task Upsert_EqualRanks_KeepCreationOrder()
    {
        await UpsertAsync("second", rank: 5);
        await UpsertAsync("first", rank: 5);

        var listed = await Subscriptions.ListAsync(Tenant, "order.placed", TestContext.Current.CancellationToken);

        Assert.Equal(["second", "first"], listed.Select(s => s.ComponentName));
    }

    [Fact]
    public async Task Upsert_ComponentOfAnotherTenant_IsInvalid()
    {
        var result = await UpsertAsync("elsewhere");

        Assert.Equal(SubscriptionUpsertStatus.Invalid, result.Status);
        Assert.Contains("has no component 'elsewhere'", Assert.Single(result.Errors["component"]), StringComparison.Ordinal);
        Assert.Empty(await Subscriptions.ListAsync(Tenant, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Upsert_InvalidEventType_IsInvalidNamingTheField()
    {
        var result = await UpsertAsync("first", eventType: "Order Placed");

        Assert.Equal(SubscriptionUpsertStatus.Invalid, result.Status);
        Assert.StartsWith("'eventType' is not valid", Assert.Single(result.Errors["eventType"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upsert_AsyncWithAFailurePolicy_IsInvalid()
    {
        var result = await UpsertAsync("first", SubscriptionMode.Async, onFailure: SyncFailurePolicy.FailClosed);

        Assert.Equal(SubscriptionUpsertStatus.Invalid, result.Status);
        Assert.True(result.Errors.ContainsKey("onFailure"));
    }

    [Fact]
    public async Task List_AllEventTypes_IsOrderedByEventTypeThenRank()
    {
        await UpsertAsync("first", eventType: "order.shipped");
        await UpsertAsync("second", rank: 50);
        await UpsertAsync("third", rank: 1);

        var listed = await Subscriptions.ListAsync(Tenant, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["third", "second", "first"], listed.Select(s => s.ComponentName));
    }

    [Fact]
    public async Task Delete_ExistingSubscription_RemovesItAndReportsIt()
    {
        await UpsertAsync("first");

        var deleted = await Subscriptions.DeleteAsync(Tenant, "order.placed", "first", TestContext.Current.CancellationToken);
        var again = await Subscriptions.DeleteAsync(Tenant, "order.placed", "first", TestContext.Current.CancellationToken);

        Assert.True(deleted);
        Assert.False(again);
        Assert.Empty(await Subscriptions.ListAsync(Tenant, cancellationToken: TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }
}
