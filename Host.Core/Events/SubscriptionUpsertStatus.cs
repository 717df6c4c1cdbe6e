namespace ExtensibilityHost.Core.Events;

/// <summary>What an <see cref="UpsertSubscription"/> did.</summary>
public enum SubscriptionUpsertStatus
{
    /// <summary>A new subscription was created.</summary>
    Created,

    /// <summary>The existing subscription of that component to that event type was changed.</summary>
    Updated,

    /// <summary>Nothing was written; see the errors.</summary>
    Invalid,
}
