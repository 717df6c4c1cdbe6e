using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// The call into <c>saas:extensibility/event-handler</c>: its target, its <c>event</c> argument
/// (built for the newest contract, 1.1 with <c>metadata</c>; a 1.0 handler gets it without, see
/// <see cref="ContractResolution"/>), and the reading of its <c>result&lt;decision, failure&gt;</c>.
/// </summary>
internal static class EventHandlerCall
{
    public static readonly InvocationTarget Target = new(HostInterfaces.EventHandler, "handle");

    /// <summary>What the invocation log shows as the target of an event delivery.</summary>
    public static string Label(string eventType) => "event:" + eventType;

    /// <summary>
    /// The run request of one handler (<paramref name="componentName"/>) for one event, with the
    /// payload as it stands at that handler. Background deliveries wait for a concurrency slot
    /// (<paramref name="waitForSlot"/>); a sync handler, whose publisher is waiting, does not.
    /// </summary>
    public static ExtensionRunRequest Request(
        string tenantId, string componentName, string eventId, string eventType, DateTimeOffset occurredAt, string payload, bool waitForSlot,
        string? correlationId = null, int depth = 0) => new()
        {
            TenantId = tenantId,
            ComponentName = componentName,
            Target = Target,
            Arguments = [Event(eventId, eventType, tenantId, occurredAt, payload, correlationId, depth)],
            Label = Label(eventType),
            EventId = eventId,
            WaitForSlot = waitForSlot,
        };

    /// <summary>The WIT <c>event</c> record of 1.1; the correlation id is the event's own id unless given.</summary>
    public static ComponentValue Event(
        string eventId, string eventType, string tenantId, DateTimeOffset occurredAt, string payload, string? correlationId = null, int depth = 0) =>
        ComponentValue.Record(
        [
            new("id", ComponentValue.String(eventId)),
            new("event-type", ComponentValue.String(eventType)),
            new("tenant-id", ComponentValue.String(tenantId)),
            new("occurred-at", ComponentValue.U64((ulong)Math.Max(0, occurredAt.ToUnixTimeMilliseconds()))),
            new("payload", ComponentValue.String(payload)),
            new("metadata", ComponentValue.Record(
            [
                new("correlation-id", ComponentValue.String(correlationId ?? eventId)),
                new("depth", ComponentValue.U32((uint)Math.Max(0, depth))),
            ])),
        ]);

    /// <summary>
    /// Reads the <c>decision</c> of an <c>ok</c> result: the case name (<c>proceed</c>, <c>veto</c>,
    /// <c>replace</c>) and its string, or null when the value is not a decision.
    /// </summary>
    public static (string Case, string? Text)? Decision(ComponentValue? output)
    {
        if (output?.Payload is not { Kind: ComponentValueKind.Variant } decision)
        {
            return null;
        }

        var text = decision.Payload is { Kind: ComponentValueKind.String } payload ? payload.AsString() : null;
        return (decision.AsVariant(), text);
    }

    /// <summary>The <c>failure</c> of an <c>err</c> result as <c>code: message</c>, or null when it is not one.</summary>
    public static string? Failure(ComponentValue? output) => GuestFailure.Describe(output?.Payload);

    /// <summary>Why a handler that ran did not succeed: <c>outcome: failure</c> (its <c>err</c>, else the sandbox's error).</summary>
    public static string FailureText(InvocationResult invocation)
    {
        var outcome = invocation.Outcome.ToWireName();
        return $"{outcome}: {Failure(invocation.Output) ?? invocation.Error ?? outcome}";
    }
}
