namespace ExtensibilityHost.Core.Events;

/// <summary>How a subscription receives events.</summary>
public enum SubscriptionMode
{
    /// <summary>Inline, in rank order, before the publisher goes on; may veto or replace the payload.</summary>
    Sync,

    /// <summary>Through the outbox, at least once, with retries.</summary>
    Async,
}
