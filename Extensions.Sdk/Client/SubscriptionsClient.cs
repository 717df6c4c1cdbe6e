namespace ExtensibilityHost.Sdk.Client;

/// <summary>A tenant's event subscriptions: <c>/api/v1/tenants/{tenant}/subscriptions</c>.</summary>
public sealed class SubscriptionsClient
{
    private readonly ApiTransport _transport;

    internal SubscriptionsClient(ApiTransport transport) => _transport = transport;

    /// <summary>Subscribes <paramref name="component"/> to <paramref name="eventType"/> (or changes the subscription).</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="eventType">The event type.</param>
    /// <param name="component">The handling component.</param>
    /// <param name="mode">Sync (may veto or replace) or async (outbox).</param>
    /// <param name="rank">Order among the handlers (lower first); appended when null.</param>
    /// <param name="failClosed">Sync only: a failure of the handler stops the operation.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<SubscriptionInfo> SubscribeAsync(
        string tenant, string eventType, string component, SubscriptionMode mode, int? rank = null, bool? failClosed = null,
        CancellationToken cancellationToken = default) =>
        _transport.PutAsync<SubscriptionInfo>(
            $"/api/v1/tenants/{ApiTransport.Segment(tenant)}/subscriptions/{ApiTransport.Segment(eventType)}",
            new { component, mode, rank, onFailure = failClosed is null ? null : failClosed.Value ? "fail-closed" : "fail-open" },
            cancellationToken);

    /// <summary>The tenant's subscriptions.</summary>
    public Task<List<SubscriptionInfo>> ListAsync(string tenant, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<SubscriptionInfo>>($"/api/v1/tenants/{ApiTransport.Segment(tenant)}/subscriptions", cancellationToken);

    /// <summary>Removes <paramref name="component"/>'s subscription to <paramref name="eventType"/>.</summary>
    public Task UnsubscribeAsync(string tenant, string eventType, string component, CancellationToken cancellationToken = default) =>
        _transport.DeleteAsync(
            $"/api/v1/tenants/{ApiTransport.Segment(tenant)}/subscriptions/{ApiTransport.Segment(eventType)}/{ApiTransport.Segment(component)}",
            cancellationToken);
}
