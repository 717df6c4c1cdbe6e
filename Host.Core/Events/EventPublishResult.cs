namespace ExtensibilityHost.Core.Events;

/// <summary>What the tenant's subscriptions made of a published event: the publisher's answer.</summary>
public sealed record EventPublishResult
{
    /// <summary>The event's id.</summary>
    public required string EventId { get; init; }

    /// <summary>Proceeded, vetoed or refused.</summary>
    public required EventPublishStatus Status { get; init; }

    /// <summary>The payload after every sync replacement that happened before the end (the original when none replaced it).</summary>
    public required string Payload { get; init; }

    /// <summary>Whether the operation must not go on: a handler vetoed it.</summary>
    public bool Vetoed => Status == EventPublishStatus.Vetoed;

    /// <summary>Why it was vetoed or refused.</summary>
    public string? Reason { get; init; }

    /// <summary>The component that vetoed it.</summary>
    public string? VetoedBy { get; init; }

    /// <summary>Each sync handler that ran (or was skipped), in rank order.</summary>
    public required IReadOnlyList<SyncHandlerDecision> Decisions { get; init; }

    /// <summary>The outbox deliveries written for async subscriptions (none when vetoed or refused).</summary>
    public required IReadOnlyList<Guid> DeliveryIds { get; init; }
}
