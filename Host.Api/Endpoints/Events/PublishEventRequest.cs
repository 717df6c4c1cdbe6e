using System.Text.Json;

namespace ExtensibilityHost.Api.Endpoints.Events;

/// <summary>Body of <c>POST /api/v1/tenants/{tenant}/events</c>.</summary>
internal sealed record PublishEventRequest
{
    /// <summary>The event type, e.g. <c>order.placed</c>.</summary>
    public string EventType { get; init; } = "";

    /// <summary>The event body: any JSON value (handlers receive it as JSON text).</summary>
    public JsonElement Payload { get; init; }

    /// <summary>An id chosen by the application (idempotency across retries); generated when omitted.</summary>
    public string? EventId { get; init; }

    /// <summary>
    /// Groups the events of one operation (a request or trace id); 1.1 handlers see it in the event's
    /// <c>metadata</c>, sync and async alike. The event id when omitted.
    /// </summary>
    public string? CorrelationId { get; init; }
}
