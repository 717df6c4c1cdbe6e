using ExtensibilityHost.Core.Events;

namespace ExtensibilityHost.Api.Endpoints.Subscriptions;

/// <summary>A subscription.</summary>
internal sealed record SubscriptionResponse(
    Guid Id, string EventType, string Component, SubscriptionMode Mode, int Rank, SyncFailurePolicy? OnFailure, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static SubscriptionResponse From(Subscription s) => new(
        s.Id, s.EventType, s.ComponentName, s.Mode, s.Rank, s.OnFailure,
        s.CreatedAt, s.UpdatedAt);
}
