using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>Publishing domain events: <c>POST /api/v1/tenants/{tenant}/events</c>.</summary>
public sealed class EventsClient
{
    private readonly ApiTransport _transport;

    internal EventsClient(ApiTransport transport) => _transport = transport;

    /// <summary>
    /// Publishes an event: the tenant's sync handlers run now (and may veto or replace the payload),
    /// async ones are written to the outbox. Not retried automatically; pass an
    /// <paramref name="eventId"/> of your own to retry safely (the host enqueues an id once).
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="eventType">The event type, e.g. <c>order.placed</c>.</param>
    /// <param name="payload">The event body: serialised to JSON with <paramref name="options"/> (camelCase by default).</param>
    /// <param name="eventId">An id for idempotent retries; the host generates one when null.</param>
    /// <param name="correlationId">
    /// Groups the events of one operation (1 to 200 visible ASCII characters): 1.1 handlers get it in
    /// the event's metadata, and events raised in reaction keep it. Null: the event's own id.
    /// </param>
    /// <param name="options">How to serialise <paramref name="payload"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public Task<EventPublishResult> PublishAsync<TPayload>(
        string tenant, string eventType, TPayload payload, string? eventId = null, string? correlationId = null, JsonSerializerOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        var body = new JsonObject
        {
            ["eventType"] = eventType,
            ["payload"] = JsonSerializer.SerializeToNode(payload, options ?? ApiTransport.Json),
        };
        if (eventId is not null)
        {
            body["eventId"] = eventId;
        }

        if (correlationId is not null)
        {
            body["correlationId"] = correlationId;
        }

        return _transport.PostAsync<EventPublishResult>($"/api/v1/tenants/{ApiTransport.Segment(tenant)}/events", body, cancellationToken);
    }
}
