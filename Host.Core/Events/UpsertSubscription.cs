namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Subscribes a tenant's component to an event type, or changes that subscription
/// (<c>PUT /api/v1/tenants/{tenant}/subscriptions/{eventType}</c> with <c>{component, mode, rank?, onFailure?}</c>).
/// </summary>
public sealed record UpsertSubscription
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; init; } = "";

    /// <summary>The event type (see <see cref="EventTypeName"/>).</summary>
    public string EventType { get; init; } = "";

    /// <summary>The tenant's component that handles it; it must exist (an uploaded component), approved or not yet.</summary>
    public string Component { get; init; } = "";

    /// <summary>Sync (inline, may veto or replace) or async (outbox, at least once).</summary>
    public SubscriptionMode Mode { get; init; }

    /// <summary>
    /// Order among the tenant's subscriptions to this event type, 0–1,000,000, lower first. When
    /// omitted a new subscription goes last (the highest rank + 10, so an explicit rank can go
    /// before or between) and an existing one keeps its rank.
    /// </summary>
    public int? Rank { get; init; }

    /// <summary>For sync subscriptions, what a handler failure means; omitted for the host's default.</summary>
    public SyncFailurePolicy? OnFailure { get; init; }
}
