using ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.EventHandler;
using ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.Types;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Sdk.Wit.Runtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// The call into <c>saas:extensibility/event-handler</c> through its generated bindings
/// (<see cref="EventHandlerClient"/>): its target, its <c>event</c> argument (built for the newest
/// contract, 1.1 with <c>metadata</c>; a 1.0 handler gets it without, see
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
            Arguments = Arguments(Event(eventId, eventType, tenantId, occurredAt, payload, correlationId, depth)),
            Label = Label(eventType),
            EventId = eventId,
            WaitForSlot = waitForSlot,
        };

    /// <summary>The WIT <c>event</c> record of 1.1; the correlation id is the event's own id unless given.</summary>
    public static Event Event(
        string eventId, string eventType, string tenantId, DateTimeOffset occurredAt, string payload, string? correlationId = null, int depth = 0) => new()
        {
            Id = eventId,
            EventType = eventType,
            TenantId = tenantId,
            OccurredAt = (ulong)Math.Max(0, occurredAt.ToUnixTimeMilliseconds()),
            Payload = payload,
            Metadata = new EventMetadata { CorrelationId = correlationId ?? eventId, Depth = (uint)Math.Max(0, depth) },
        };

    /// <summary>The arguments of <c>handle</c> for <paramref name="event"/>.</summary>
    public static ComponentValue[] Arguments(Event @event) => EventHandlerClient.EncodeHandleArguments(@event);

    /// <summary>
    /// The <c>decision</c> of an <c>ok</c> result, or null when the value is not a
    /// <c>result&lt;decision, failure&gt;</c> holding one.
    /// </summary>
    public static Decision? Decision(ComponentValue? output) => Read(output) is { IsOk: true } result ? result.Value : null;

    /// <summary>The <c>failure</c> of an <c>err</c> result as <c>code: message</c>, or null when it is not one.</summary>
    public static string? Failure(ComponentValue? output) =>
        Read(output) is { IsErr: true } result ? $"{result.Error.Code}: {result.Error.Message}" : null;

    /// <summary>Why a handler that ran did not succeed: <c>outcome: failure</c> (its <c>err</c>, else the sandbox's error).</summary>
    public static string FailureText(InvocationResult invocation)
    {
        var outcome = invocation.Outcome.ToWireName();
        return $"{outcome}: {Failure(invocation.Output) ?? invocation.Error ?? outcome}";
    }

    /// <summary>
    /// The handler's return value as the contract types it, or null when it has another shape: a
    /// component's export is called by name, so nothing but this check holds it to the contract.
    /// </summary>
    private static Result<Decision, Failure>? Read(ComponentValue? output)
    {
        if (output is not { Kind: ComponentValueKind.Result })
        {
            return null;
        }

        try
        {
            return EventHandlerClient.DecodeHandleResult(output);
        }
        catch (Exception exception) when (exception is WitValueException or InvalidOperationException)
        {
            return null;
        }
    }
}
