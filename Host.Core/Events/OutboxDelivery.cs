namespace ExtensibilityHost.Core.Events;

/// <summary>
/// One event to deliver to one async subscription, written in the publisher's transaction and
/// claimed by dispatchers with a lease.
/// </summary>
public sealed class OutboxDelivery
{
    /// <summary>Delivery id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The owning tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The event id, the same on every attempt so the handler can de-duplicate.</summary>
    public required string EventId { get; init; }

    /// <summary>The event type.</summary>
    public required string EventType { get; init; }

    /// <summary>The payload (JSON) as of publication, after sync handlers' replacements.</summary>
    public required string Payload { get; init; }

    /// <summary>When the event happened (UTC).</summary>
    public required DateTime OccurredAt { get; init; }

    /// <summary>How deep in a chain of events this one was raised.</summary>
    public int Depth { get; init; }

    /// <summary>
    /// The event's <see cref="DomainEvent.CorrelationId"/> as published, or null when the publisher
    /// gave none (a 1.1 handler then sees <see cref="EventId"/>, as on sync dispatch).
    /// </summary>
    public string? CorrelationId { get; init; }

    /// <summary>The subscription this delivery is for.</summary>
    public required Guid SubscriptionId { get; init; }

    /// <summary>The component that handles it.</summary>
    public required string ComponentName { get; init; }

    /// <summary>Status.</summary>
    public DeliveryStatus Status { get; set; }

    /// <summary>
    /// Attempts made so far, counted when a dispatcher starts running the delivery, before tenant code
    /// runs (so an attempt lost with a crashed node counts too, and a delivery that crashes its node
    /// cannot retry forever). Not counted when the component could not run at all. Reset by a replay.
    /// </summary>
    public int Attempts { get; set; }

    /// <summary>How many times the delivery was replayed from the dead letters.</summary>
    public int Replays { get; set; }

    /// <summary>Not to be attempted before this time (UTC): the backoff.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The dispatcher holding the lease, if any.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the lease runs out (UTC); another dispatcher may claim it after.</summary>
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>The last failed attempt's error; kept through a replay until the next attempt.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was written (UTC).</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>When it was delivered or dead-lettered (UTC).</summary>
    public DateTime? CompletedAt { get; set; }
}
