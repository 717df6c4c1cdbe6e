using ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.EventHandler;
using ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.Types;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Components;
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

    /// <summary>
    /// Recorded <c>handle</c> arguments (JSON, as the invocation log keeps them) fitted to the
    /// <c>event</c> of <paramref name="signature"/>'s contract version, for replaying a call recorded
    /// for one version against a component of another (a shadow run at review): a 1.0 event given
    /// to a 1.1 handler gets the <c>metadata</c> the host gives an event whose publisher named no
    /// correlation id (its own id, depth 0; what the recorded call's publisher gave is not known),
    /// and a 1.1 event given to a 1.0 handler loses it. Anything else is returned unchanged.
    /// </summary>
    /// <param name="target">The export the recorded call is replayed against; other than <c>handle</c> of an event-handler version, nothing changes.</param>
    /// <param name="arguments">The recorded arguments.</param>
    /// <param name="signature">The signature of <paramref name="target"/> in the component replaying it.</param>
    public static JsonElement FitRecordedArguments(InvocationTarget target, JsonElement arguments, ComponentFunctionSignature signature)
    {
        if (target.Function != Target.Function || !ContractResolution.IsVersionOf(target.Interface, Target.Interface!)
            || signature.Parameters is not [{ Type: WitType.Record declared }]
            || arguments.ValueKind != JsonValueKind.Array || arguments.GetArrayLength() != 1
            || JsonNode.Parse(arguments.GetRawText()) is not JsonArray { Count: 1 } array
            || array[0] is not JsonObject recorded
            || recorded["id"] is not JsonValue id)
        {
            return arguments;
        }

        var wantsMetadata = declared.Fields.Any(f => f.Name == "metadata");
        switch (wantsMetadata, recorded.ContainsKey("metadata"))
        {
            case (true, false):
                recorded["metadata"] = new JsonObject { ["correlation-id"] = id.DeepClone(), ["depth"] = 0 };
                break;
            case (false, true):
                recorded.Remove("metadata");
                break;
            default:
                return arguments;
        }

        return JsonSerializer.SerializeToElement(array);
    }

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
