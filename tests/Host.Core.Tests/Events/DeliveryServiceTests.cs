using ExtensibilityHost.Core.Events;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>Reading the outbox and replaying dead letters, tenant by tenant.</summary>
[Collection(EventsCollection.Name)]
public sealed class DeliveryServiceTests(EventsFixture fixture) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private EmbeddedHost _host = null!;
    private AsyncServiceScope _scope;
    private Guid _deliveryId;

    private DeliveryService Deliveries => _scope.ServiceProvider.GetRequiredService<DeliveryService>();

    public async ValueTask InitializeAsync()
    {
        _host = await fixture.StartHostAsync();
        await _host.SeedAsync(Tenant, "handler", fixture.Guest("event-handler"));
        await _host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Async);
        _deliveryId = Assert.Single((await _host.PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), TestContext.Current.CancellationToken)).DeliveryIds);
        _scope = _host.Services.CreateAsyncScope();
    }

    private Task<int> DeadLetterAsync() => _host.WithDbAsync(db => db.Deliveries.ExecuteUpdateAsync(set => set
        .SetProperty(d => d.Status, DeliveryStatus.DeadLettered)
        .SetProperty(d => d.Attempts, 8)
        .SetProperty(d => d.LastError, "trap: unreachable")));

    [Fact]
    public async Task Replay_PendingDelivery_IsNotDeadLettered()
    {
        var status = await Deliveries.ReplayAsync(Tenant, _deliveryId, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryReplayStatus.NotDeadLettered, status);
    }

    [Fact]
    public async Task Replay_AnotherTenantsDelivery_IsNotFound()
    {
        await DeadLetterAsync();

        var status = await Deliveries.ReplayAsync("globex", _deliveryId, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryReplayStatus.NotFound, status);
    }

    [Fact]
    public async Task Replay_DeadLetter_IsDueNowWithAFreshBudgetAndKeepsItsLastError()
    {
        await DeadLetterAsync();
        _host.Clock.Advance(TimeSpan.FromHours(1));

        var status = await Deliveries.ReplayAsync(Tenant, _deliveryId, TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryReplayStatus.Replayed, status);
        var delivery = await Deliveries.FindAsync(Tenant, _deliveryId, TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryStatus.Pending, delivery!.Status);
        Assert.Equal(0, delivery.Attempts);
        Assert.Equal(1, delivery.Replays);
        Assert.Equal(_host.Clock.GetUtcNow().UtcDateTime, delivery.NextAttemptAt);
        Assert.Null(delivery.CompletedAt);
        Assert.Equal("trap: unreachable", delivery.LastError);
    }

    [Fact]
    public async Task ReplayDeadLetters_OfOneEventType_ReplaysOnlyThose()
    {
        await _host.SubscribeAsync(Tenant, "order.shipped", "handler", SubscriptionMode.Async);
        await _host.PublishAsync(new DomainEvent(Tenant, "order.shipped", "{}"), TestContext.Current.CancellationToken);
        await DeadLetterAsync();

        var replayed = await Deliveries.ReplayDeadLettersAsync(Tenant, "order.shipped", TestContext.Current.CancellationToken);

        Assert.Equal(1, replayed);
        var deadLetters = await Deliveries.ListAsync(Tenant, DeliveryStatus.DeadLettered, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(_deliveryId, Assert.Single(deadLetters).Id);
    }

    [Fact]
    public async Task List_AnotherTenant_SeesNothing()
    {
        var deliveries = await Deliveries.ListAsync("globex", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(deliveries);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }
}
