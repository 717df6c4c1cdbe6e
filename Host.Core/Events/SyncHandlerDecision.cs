namespace ExtensibilityHost.Core.Events;

/// <summary>One sync subscription's part in a publication, in the order the handlers ran.</summary>
public sealed record SyncHandlerDecision
{
    /// <summary>The subscription.</summary>
    public required Guid SubscriptionId { get; init; }

    /// <summary>Its component.</summary>
    public required string ComponentName { get; init; }

    /// <summary>What it decided.</summary>
    public required SyncDecisionKind Decision { get; init; }

    /// <summary>The veto reason, or why it failed or was skipped.</summary>
    public string? Reason { get; init; }

    /// <summary>The replacement payload, for <see cref="SyncDecisionKind.Replace"/>.</summary>
    public string? ReplacementPayload { get; init; }

    /// <summary>For <see cref="SyncDecisionKind.Failed"/>: whether the failure vetoed the operation (fail-closed) or was passed over (fail-open).</summary>
    public SyncFailurePolicy? AppliedPolicy { get; init; }

    /// <summary>The invocation outcome's wire name (<c>ok</c>, <c>trap</c>, <c>timeout</c>, …) when tenant code ran.</summary>
    public string? Outcome { get; init; }

    /// <summary>The invocation log record, when tenant code ran.</summary>
    public Guid? InvocationId { get; init; }

    /// <summary>Whether this decision stopped the operation.</summary>
    public bool StoppedTheOperation =>
        Decision == SyncDecisionKind.Veto || (Decision == SyncDecisionKind.Failed && AppliedPolicy == SyncFailurePolicy.FailClosed);
}
