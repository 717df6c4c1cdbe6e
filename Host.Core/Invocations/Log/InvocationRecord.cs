namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>One recorded invocation of tenant code: the invocation log.</summary>
public sealed class InvocationRecord
{
    /// <summary>The invocation id (time-ordered).</summary>
    public required Guid Id { get; init; }

    /// <summary>The tenant whose code ran.</summary>
    public required string TenantId { get; init; }

    /// <summary>The component that ran.</summary>
    public required string ComponentName { get; init; }

    /// <summary>The version that ran.</summary>
    public Guid? VersionId { get; init; }

    /// <summary>Its version number.</summary>
    public int? VersionNumber { get; init; }

    /// <summary>What was called: an export (<c>interface#function</c>), an extension point or an event type.</summary>
    public required string Target { get; init; }

    /// <summary>The event being handled, for event deliveries.</summary>
    public string? EventId { get; init; }

    /// <summary>The outcome's wire name (<c>ok</c>, <c>guest-error</c>, <c>timeout</c>, …).</summary>
    public required string Outcome { get; init; }

    /// <summary>The trap kind's wire name, for traps.</summary>
    public string? Trap { get; init; }

    /// <summary>Wall-clock duration in milliseconds.</summary>
    public required double DurationMs { get; init; }

    /// <summary>Fuel consumed, when metered.</summary>
    public long? FuelConsumed { get; init; }

    /// <summary>The memory limit the call ran with, in bytes.</summary>
    public required long MemoryLimitBytes { get; init; }

    /// <summary>Guest log lines as JSON (array of <c>{level, message, elapsedMs}</c>).</summary>
    public required string LogsJson { get; init; }

    /// <summary>Log lines dropped by the caps.</summary>
    public int LogsDropped { get; init; }

    /// <summary>
    /// What was called with what, as JSON <c>{"target": "interface#function", "args": [...]}</c>
    /// (WIT JSON, redacted), or <see langword="null"/> when inputs are not recorded or this one was
    /// over the cap. Shadow runs replay it.
    /// </summary>
    public string? InputJson { get; init; }

    /// <summary>
    /// What the call returned, as WIT JSON (a <c>result</c> as <c>{"ok": …}</c> or <c>{"err": …}</c>),
    /// redacted and capped like <see cref="InputJson"/>; null when not recorded or nothing was returned.
    /// </summary>
    public string? OutputJson { get; init; }

    /// <summary>The error, for any outcome other than ok.</summary>
    public string? Error { get; init; }

    /// <summary>When the call started (UTC).</summary>
    public required DateTime StartedAt { get; init; }
}
