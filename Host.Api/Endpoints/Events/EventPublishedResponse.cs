using System.Text.Json;

namespace ExtensibilityHost.Api.Endpoints.Events;

/// <summary>What became of a published event.</summary>
internal sealed record EventPublishedResponse(
    string EventId,
    string Status,
    bool Vetoed,
    string? Reason,
    string? VetoedBy,
    JsonElement Payload,
    IReadOnlyList<EventDecisionResponse> Decisions,
    IReadOnlyList<Guid> DeliveryIds);
