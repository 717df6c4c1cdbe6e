namespace ExtensibilityHost.Core.Events;

/// <summary>What one sync handler decided, or why it decided nothing.</summary>
public enum SyncDecisionKind
{
    /// <summary>It returned <c>ok(proceed)</c>.</summary>
    Proceed,

    /// <summary>It returned <c>ok(veto(reason))</c>: the operation stops.</summary>
    Veto,

    /// <summary>It returned <c>ok(replace(payload))</c>: later handlers and the publisher see the new payload.</summary>
    Replace,

    /// <summary>It failed; its subscription's <see cref="SyncFailurePolicy"/> decided whether that vetoed the operation.</summary>
    Failed,

    /// <summary>It did not run because its component cannot run now (no active version, suspended, kill switch, deleted); treated as proceed.</summary>
    Skipped,
}
