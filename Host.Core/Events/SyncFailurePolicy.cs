namespace ExtensibilityHost.Core.Events;

/// <summary>
/// What a sync subscription's failure (trap, timeout, out-of-memory or -fuel, <c>err</c>, host error,
/// an invalid replacement payload, or the tenant at its concurrency limit) means for the operation.
/// </summary>
public enum SyncFailurePolicy
{
    /// <summary>The failure is recorded and the operation goes on as if the handler had said <c>proceed</c>: broken tenant code cannot block the application.</summary>
    FailOpen,

    /// <summary>The failure vetoes the operation, with a reason naming the component and the failure: for handlers that must approve.</summary>
    FailClosed,
}
