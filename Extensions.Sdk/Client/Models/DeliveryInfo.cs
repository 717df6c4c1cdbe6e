namespace ExtensibilityHost.Sdk.Client;

/// <summary>An async delivery of an event to one subscription.</summary>
/// <param name="Id">Its id.</param>
/// <param name="EventId">The event.</param>
/// <param name="EventType">The event type.</param>
/// <param name="Component">The handling component.</param>
/// <param name="Status"><c>pending</c>, <c>delivered</c> or <c>dead-lettered</c>.</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="Replays">Times it was replayed from the dead letters.</param>
/// <param name="NextAttemptAt">When it is tried next (UTC).</param>
/// <param name="LastError">The last attempt's failure.</param>
/// <param name="CreatedAt">When it was written (UTC).</param>
/// <param name="CompletedAt">When it was delivered or dead-lettered (UTC).</param>
public sealed record DeliveryInfo(
    Guid Id, string EventId, string EventType, string Component, string Status, int Attempts, int Replays,
    DateTime NextAttemptAt, string? LastError, DateTime CreatedAt, DateTime? CompletedAt);
