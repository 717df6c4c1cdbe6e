namespace ExtensibilityHost.Sdk.Client;

/// <summary>Async deliveries and dead letters: <c>/api/v1/tenants/{tenant}/deliveries</c>.</summary>
public sealed class DeliveriesClient
{
    private readonly ApiTransport _transport;

    internal DeliveriesClient(ApiTransport transport) => _transport = transport;

    /// <summary>The tenant's deliveries, newest first, optionally only those in <paramref name="status"/> (<c>pending</c>, <c>delivered</c>, <c>dead-lettered</c>).</summary>
    public Task<List<DeliveryInfo>> ListAsync(string tenant, string? status = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<DeliveryInfo>>(
            $"/api/v1/tenants/{ApiTransport.Segment(tenant)}/deliveries{(status is null ? "" : "?status=" + Uri.EscapeDataString(status))}",
            cancellationToken);

    /// <summary>One delivery.</summary>
    public Task<DeliveryInfo> GetAsync(string tenant, Guid deliveryId, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<DeliveryInfo>($"/api/v1/tenants/{ApiTransport.Segment(tenant)}/deliveries/{deliveryId}", cancellationToken);

    /// <summary>Queues a dead-lettered delivery again.</summary>
    public Task<DeliveryInfo> ReplayAsync(string tenant, Guid deliveryId, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<DeliveryInfo>($"/api/v1/tenants/{ApiTransport.Segment(tenant)}/deliveries/{deliveryId}/replay", null, cancellationToken);
}
