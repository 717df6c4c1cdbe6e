namespace ExtensibilityHost.Core.Events;

/// <summary>What a replay request did to one delivery.</summary>
public enum DeliveryReplayStatus
{
    /// <summary>The dead-lettered delivery is pending again, with a fresh attempt budget.</summary>
    Replayed,

    /// <summary>The tenant has no such delivery.</summary>
    NotFound,

    /// <summary>The delivery is not dead-lettered (pending or delivered), so there is nothing to replay.</summary>
    NotDeadLettered,
}
