using System.Text.Json;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>
/// How one call of tenant code ended: the one result that travels from the runner to whoever asked
/// — the event publisher, the outbox, extension points, typed calls, the HTTP endpoints. The
/// runner fills the status, the sandbox's <see cref="Invocation"/> and the ids; a JSON call adds
/// the <see cref="Output"/> and <see cref="ErrorValue"/> read from it.
/// </summary>
public sealed record ExtensionCallResult
{
    /// <summary>How the call ended.</summary>
    public required ExtensionCallStatus Status { get; init; }

    /// <summary>Why it did not run or did not succeed: a refusal's reason, a conversion's error, or the sandbox's error.</summary>
    public string? Error { get; init; }

    /// <summary>The sandboxed call, when tenant code ran (outcome, trap, logs, duration, fuel, the return value as WIT).</summary>
    public InvocationResult? Invocation { get; init; }

    /// <summary>The invocation log record's id, when tenant code ran.</summary>
    public Guid? InvocationId { get; init; }

    /// <summary>The version that ran (or that was about to, for a conversion refused by its signature).</summary>
    public Guid? VersionId { get; init; }

    /// <summary>Its number.</summary>
    public int? VersionNumber { get; init; }

    /// <summary>JSON calls: the output read from the return value (the <c>ok</c> payload for points; the whole value for typed calls).</summary>
    public JsonElement? Output { get; init; }

    /// <summary>JSON calls: the <c>err</c> payload of a call that returned one.</summary>
    public JsonElement? ErrorValue { get; init; }

    /// <summary>Whether tenant code ran (whatever its outcome).</summary>
    public bool Ran => Invocation is not null;

    /// <summary>The sandbox's outcome, when tenant code ran.</summary>
    public InvocationOutcome? Outcome => Invocation?.Outcome;

    /// <summary>How long the call took, in milliseconds (0 when it did not run).</summary>
    public double DurationMs => Invocation?.Duration.TotalMilliseconds ?? 0;

    /// <summary>A call that did not reach tenant code.</summary>
    public static ExtensionCallResult Refused(ExtensionCallStatus status, string reason) => new() { Status = status, Error = reason };

    /// <summary>A call that ran: <see cref="ExtensionCallStatus.Ok"/> when its outcome is <c>ok</c>, else <see cref="ExtensionCallStatus.Failed"/>.</summary>
    public static ExtensionCallResult Of(InvocationResult invocation) => new()
    {
        Status = invocation.Outcome == InvocationOutcome.Ok ? ExtensionCallStatus.Ok : ExtensionCallStatus.Failed,
        Error = invocation.Error,
        Invocation = invocation,
    };
}
