namespace ExtensibilityHost.Core.Events;

/// <summary>What became of a published event.</summary>
public enum EventPublishStatus
{
    /// <summary>Every sync subscription let the operation go on (possibly with a replaced payload); async deliveries were written.</summary>
    Proceeded,

    /// <summary>A sync subscription vetoed the operation (or failed under <see cref="SyncFailurePolicy.FailClosed"/>); later handlers did not run and nothing was written to the outbox.</summary>
    Vetoed,

    /// <summary>The event was not dispatched at all: it was invalid or nested deeper than <see cref="DomainEvent.MaxDepth"/>.</summary>
    Refused,
}
