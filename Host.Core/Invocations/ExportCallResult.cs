using System.Text.Json;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>The result of a typed call of a component export (<see cref="IComponentInvoker.InvokeExportAsync"/>).</summary>
public sealed record ExportCallResult
{
    /// <summary>How the call ended; <see cref="ExtensionCallStatus.Ok"/> when the function returned normally.</summary>
    public required ExtensionCallStatus Status { get; init; }

    /// <summary>
    /// The function's return value as JSON (a <c>result</c> as <c>{"ok": …}</c> or <c>{"err": …}</c>, nothing as
    /// <c>null</c>), for <see cref="ExtensionCallStatus.Ok"/> and for a <c>guest-error</c>; otherwise <see langword="null"/>.
    /// </summary>
    public JsonElement? Output { get; init; }

    /// <summary>For a <c>guest-error</c>: the payload of the <c>err</c> the component returned.</summary>
    public JsonElement? ErrorValue { get; init; }

    /// <summary>How the sandboxed call ended, when the component ran.</summary>
    public InvocationOutcome? Outcome { get; init; }

    /// <summary>The trap kind, for traps.</summary>
    public TrapKind? Trap { get; init; }

    /// <summary>A readable reason for any status other than <see cref="ExtensionCallStatus.Ok"/>; for invalid input it names the parameter and JSON path.</summary>
    public string? Error { get; init; }

    /// <summary>Wall-clock time of instantiation plus call, in milliseconds (0 when nothing ran).</summary>
    public double DurationMs { get; init; }

    /// <summary>The invocation log record, when the component ran.</summary>
    public Guid? InvocationId { get; init; }

    /// <summary>The version that ran.</summary>
    public Guid? VersionId { get; init; }

    /// <summary>Its number.</summary>
    public int? VersionNumber { get; init; }

    /// <summary>The lines the guest logged during the call.</summary>
    public IReadOnlyList<GuestLogLine> Logs { get; init; } = [];
}
