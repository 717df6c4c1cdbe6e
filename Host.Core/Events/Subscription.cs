namespace ExtensibilityHost.Core.Events;

/// <summary>A tenant's component subscribed to one event type.</summary>
public sealed class Subscription
{
    /// <summary>Id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The owning tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The event type, e.g. <c>order.placed</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>The component that handles it (its active version runs).</summary>
    public required string ComponentName { get; init; }

    /// <summary>Sync or async.</summary>
    public required SubscriptionMode Mode { get; set; }

    /// <summary>
    /// For sync subscriptions: what a failure of the handler means for the operation;
    /// <see langword="null"/> for the host's default (<see cref="EventOptions.SyncFailurePolicy"/>).
    /// </summary>
    public SyncFailurePolicy? OnFailure { get; set; }

    /// <summary>Order among the tenant's subscriptions to the same event type (lower first; ties in creation order).</summary>
    public required int Rank { get; set; }

    /// <summary>When it was created (UTC).</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>When it was last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
