using ExtensibilityHost.Core.Events;

namespace ExtensibilityHost.Api.Endpoints.Subscriptions;

/// <summary>Body of <c>PUT /api/v1/tenants/{tenant}/subscriptions/{eventType}</c>.</summary>
internal sealed record SubscribeRequest
{
    /// <summary>The tenant's component that handles the event (its active version runs).</summary>
    public string Component { get; init; } = "";

    /// <summary><c>sync</c> (inline; may veto or replace) or <c>async</c> (outbox, at least once).</summary>
    public SubscriptionMode Mode { get; init; } = SubscriptionMode.Sync;

    /// <summary>Order among the tenant's handlers of the event type (lower first); appended when omitted.</summary>
    public int? Rank { get; init; }

    /// <summary>Sync only: what a failure of the handler means, <c>fail-open</c> (default) or <c>fail-closed</c>.</summary>
    public SyncFailurePolicy? OnFailure { get; init; }
}
