namespace ExtensibilityHost.Sdk.Client;

/// <summary>How a subscription runs its handler.</summary>
public enum SubscriptionMode
{
    /// <summary>Inline while the event is published; may veto or replace the payload.</summary>
    Sync,

    /// <summary>Through the outbox, delivered at least once, with retries.</summary>
    Async,
}
