using ExtensibilityHost.Core.Events;
using Mediator;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>
/// An event type the generated mediator never saw (declared here, in the test assembly, as an
/// application would) published with <see cref="IPublisher"/> reaches the tenant's subscriptions.
/// </summary>
[Collection(EventsCollection.Name)]
public sealed class MediatorDispatchTests(EventsFixture fixture) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private EmbeddedHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await fixture.StartHostAsync();
        await _host.SeedAsync(Tenant, "js", fixture.Guest("js-event-handler.wasm"));
        await _host.SubscribeAsync(Tenant, "order.rewrite", "js", SubscriptionMode.Sync);
    }

    [Fact]
    public async Task Publish_ApplicationEventTypeThroughIPublisher_IsDispatchedAndTheResultIsOnTheEvent()
    {
        var orderRewritten = new OrderRewritten(Tenant, """{"orderId":5}""");
        await using var scope = _host.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(orderRewritten, TestContext.Current.CancellationToken);

        var result = Assert.IsType<EventPublishResult>(orderRewritten.Result);
        Assert.Equal(EventPublishStatus.Proceeded, result.Status);
        Assert.Equal("""{"rewritten":true,"original":"{\"orderId\":5}"}""", result.Payload);
        Assert.Equal(SyncDecisionKind.Replace, Assert.Single(result.Decisions).Decision);
    }

    [Fact]
    public async Task Publish_ApplicationEventPublishedAsObject_IsDispatched()
    {
        var orderRewritten = new OrderRewritten(Tenant, "{}");
        await using var scope = _host.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish((object)orderRewritten, TestContext.Current.CancellationToken);

        Assert.Equal(EventPublishStatus.Proceeded, orderRewritten.Result?.Status);
    }

    [Fact]
    public async Task Publish_PlainDomainEventThroughIMediator_IsDispatched()
    {
        var domainEvent = new DomainEvent(Tenant, "order.rewrite", "{}");
        await using var scope = _host.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(domainEvent, TestContext.Current.CancellationToken);

        Assert.Equal("""{"rewritten":true,"original":"{}"}""", domainEvent.Result?.Payload);
    }

    [Fact]
    public async Task Publish_NotificationThatIsNotADomainEvent_ReachesNoTenant()
    {
        await using var scope = _host.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(new CacheWarmed("order.rewrite"), TestContext.Current.CancellationToken);

        Assert.Empty(await _host.InvocationsAsync(Tenant));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>An application's own event type, as it would declare it.</summary>
    public sealed record OrderRewritten(string TenantId, string Payload) : DomainEvent(TenantId, "order.rewrite", Payload);

    /// <summary>An application notification unrelated to tenants.</summary>
    public sealed record CacheWarmed(string Name) : INotification;
}
