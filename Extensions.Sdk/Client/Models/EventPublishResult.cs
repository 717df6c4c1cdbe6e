using System.Text.Json;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>What became of a published event: the sync handlers' decisions and the async deliveries.</summary>
public sealed record EventPublishResult
{
    /// <summary>The event's id (the one given, or the host's).</summary>
    public required string EventId { get; init; }

    /// <summary><c>proceeded</c> or <c>vetoed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>A sync handler vetoed the operation.</summary>
    public bool Vetoed { get; init; }

    /// <summary>The veto's reason.</summary>
    public string? Reason { get; init; }

    /// <summary>The component that vetoed.</summary>
    public string? VetoedBy { get; init; }

    /// <summary>The payload after the sync handlers (replaced if one replaced it).</summary>
    public JsonElement Payload { get; init; }

    /// <summary>Each sync handler's decision, in the order they ran.</summary>
    public IReadOnlyList<EventDecision> Decisions { get; init; } = [];

    /// <summary>The async deliveries written to the outbox.</summary>
    public IReadOnlyList<Guid> DeliveryIds { get; init; } = [];

    /// <summary>The payload as <typeparamref name="T"/> (camelCase JSON unless <paramref name="options"/> say otherwise).</summary>
    public T? PayloadAs<T>(JsonSerializerOptions? options = null) => Payload.Deserialize<T>(options ?? ApiTransport.Json);
}
