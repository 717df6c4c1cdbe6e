namespace ExtensibilityHost.Core.Events;

/// <summary>Where an outbox delivery is.</summary>
public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (possibly leased by a dispatcher right now).</summary>
    Pending,

    /// <summary>Handled successfully.</summary>
    Delivered,

    /// <summary>Failed too many times; waits for a replay.</summary>
    DeadLettered,
}
