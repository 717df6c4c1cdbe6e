using System.Text.Json;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>The answer of an extension point (<see cref="IExtensionPoints.InvokeAsync(string, string, JsonElement, CancellationToken)"/>).</summary>
public sealed record ExtensionPointResult
{
    /// <summary>The point.</summary>
    public required string Point { get; init; }

    /// <summary>
    /// The call of the bound component as the runner and the JSON conversion left it (or the
    /// refusal before any code ran: unknown point, not bound, …); the properties below read it.
    /// </summary>
    public required ExtensionCallResult Call { get; init; }

    /// <summary>The component bound to the point, when there is one.</summary>
    public string? ComponentName { get; init; }

    /// <summary>
    /// The output: the tenant code's answer (typed points: the <c>ok</c> payload of the function's result;
    /// generic points: the JSON it returned), or the point's default when <see cref="UsedDefault"/>;
    /// <see langword="null"/> when the call failed and the point fails closed.
    /// </summary>
    public JsonElement? Output { get; init; }

    /// <summary>Whether <see cref="Output"/> is the point's default because the call failed and the point fails open.</summary>
    public bool UsedDefault { get; init; }

    /// <summary>How the call ended; when it is not <see cref="ExtensionCallStatus.Ok"/>, a fail-open point still has an output (<see cref="UsedDefault"/>).</summary>
    public ExtensionCallStatus Status => Call.Status;

    /// <summary>Whether the caller has an output to go on with: the tenant's answer or the fail-open default.</summary>
    public bool Succeeded => Status == ExtensionCallStatus.Ok || UsedDefault;

    /// <summary>How the sandboxed call ended, when the component ran.</summary>
    public InvocationOutcome? Outcome => Call.Outcome;

    /// <summary>The trap kind, for traps.</summary>
    public TrapKind? Trap => Call.Invocation?.Trap;

    /// <summary>What went wrong, for any status other than <see cref="ExtensionCallStatus.Ok"/> (also when the default was used).</summary>
    public string? Error => Call.Error;

    /// <summary>For a <c>guest-error</c>: the payload of the <c>err</c> the component returned (generic points: <c>{"code", "message"}</c>).</summary>
    public JsonElement? ErrorValue => Call.ErrorValue;

    /// <summary>Wall-clock time of instantiation plus call, in milliseconds (0 when nothing ran).</summary>
    public double DurationMs => Call.DurationMs;

    /// <summary>The invocation log record, when the component ran.</summary>
    public Guid? InvocationId => Call.InvocationId;

    /// <summary>The version that ran.</summary>
    public Guid? VersionId => Call.VersionId;

    /// <summary>Its number.</summary>
    public int? VersionNumber => Call.VersionNumber;
}
