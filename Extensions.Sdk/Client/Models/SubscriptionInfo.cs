namespace ExtensibilityHost.Sdk.Client;

/// <summary>A tenant's subscription of a component to an event type.</summary>
/// <param name="Id">Its id.</param>
/// <param name="EventType">The event type.</param>
/// <param name="Component">The handling component.</param>
/// <param name="Mode">Sync or async.</param>
/// <param name="Rank">Order among the event type's handlers (lower first).</param>
/// <param name="OnFailure">Sync only: <c>fail-open</c> or <c>fail-closed</c>.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="UpdatedAt">When it last changed (UTC).</param>
public sealed record SubscriptionInfo(
    Guid Id, string EventType, string Component, SubscriptionMode Mode, int Rank, string? OnFailure, DateTime CreatedAt, DateTime UpdatedAt);
