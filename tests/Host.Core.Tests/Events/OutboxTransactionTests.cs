using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Persistence;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>Async subscriptions are written to the outbox in the publisher's own transaction.</summary>
[Collection(EventsCollection.Name)]
public sealed class OutboxTransactionTests(EventsFixture fixture) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private EmbeddedHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await fixture.StartHostAsync();
        await _host.SeedAsync(Tenant, "handler", fixture.Guest("event-handler"));
        await _host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Async);
    }

    [Fact]
    public async Task Publish_InATransactionThatRollsBack_LeavesNoOutboxRow()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<IEventPublisher>()
                .PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), TestContext.Current.CancellationToken);
            Assert.Single(result.DeliveryIds);

            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }

        Assert.Empty(await _host.DeliveriesAsync(Tenant));
    }

    [Fact]
    public async Task Publish_InATransactionThatCommits_WritesTheOutboxRowWithTheApplicationsOwnWrites()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            db.Tenants.Add(new Core.Tenants.Tenant { Id = "globex", Name = "Globex", CreatedAt = DateTime.UtcNow });
            await scope.ServiceProvider.GetRequiredService<IEventPublisher>()
                .PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), TestContext.Current.CancellationToken);

            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Single(await _host.DeliveriesAsync(Tenant));
        Assert.True(await _host.WithDbAsync(db => db.Tenants.AnyAsync(t => t.Id == "globex")));
    }

    [Fact]
    public async Task Publish_SyncSubscriberInsideASqliteTransaction_ThrowsInsteadOfDeadlocking()
    {
        await _host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Sync);
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IEventPublisher>()
            .PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), TestContext.Current.CancellationToken));

        Assert.Contains("inside an open SQLite transaction", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_TheSameEventTwice_EnqueuesItOnce()
    {
        var domainEvent = new DomainEvent(Tenant, "order.placed", "{}");

        var first = await _host.PublishAsync(domainEvent, TestContext.Current.CancellationToken);
        var second = await _host.PublishAsync(domainEvent, TestContext.Current.CancellationToken);

        Assert.Equal(first.DeliveryIds, second.DeliveryIds);
        Assert.Single(await _host.DeliveriesAsync(Tenant));
    }

    [Fact]
    public async Task Publish_TheSameEventConcurrently_EnqueuesItOnceAndEveryPublisherGetsItsId()
    {
        var domainEvent = new DomainEvent(Tenant, "order.placed", "{}");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _host.PublishAsync(domainEvent, TestContext.Current.CancellationToken))));

        var delivery = Assert.Single(await _host.DeliveriesAsync(Tenant));
        Assert.All(results, result => Assert.Equal([delivery.Id], result.DeliveryIds));
    }

    [Fact]
    public async Task Publish_AsyncSubscription_WritesAPendingDeliveryDueNow()
    {
        var occurredAt = new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);

        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.placed", """{"id":1}""") { OccurredAt = occurredAt, Depth = 2 }, TestContext.Current.CancellationToken);

        var delivery = Assert.Single(await _host.DeliveriesAsync(Tenant));
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(0, delivery.Attempts);
        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, delivery.NextAttemptAt);
        Assert.Equal(result.EventId, delivery.EventId);
        Assert.Equal(occurredAt.UtcDateTime, delivery.OccurredAt);
        Assert.Equal(2, delivery.Depth);
        Assert.Equal("handler", delivery.ComponentName);
        Assert.Null(delivery.LeaseOwner);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
