using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>
/// Calls tenant code with JSON in and JSON out, converted by <see cref="WitJson"/> with the WIT
/// types of the version that actually runs (read from the compiled component, not from a catalog),
/// so a component's own signature decides what its callers may send.
/// </summary>
internal sealed class JsonCalls(ExtensionRunner runner, ComponentDescriptions descriptions)
{
    private static readonly ComponentFunctionSignature GenericPointSignature =
        SaasExtensibilityWorlds.ExtensionPoint.FindFunction("invoke")!.Signature;

    public async Task<JsonCallResult> CallAsync(JsonCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var preparation = await runner.PrepareAsync(call.TenantId, call.ComponentName, waitForSlot: false, cancellationToken);
        if (preparation.Ready is not { } extension)
        {
            return JsonCallResult.NotRun(StatusOf(preparation.Refused!.Status), preparation.Refused.Reason);
        }

        using (extension)
        {
            var signature = descriptions.SignatureOf(extension.Component, call.Target);
            if (signature is null)
            {
                return JsonCallResult.NotRun(ExtensionCallStatus.ExportMissing,
                    $"version {extension.VersionNumber} of component '{call.ComponentName}' has no export '{call.Target}'");
            }

            if (call.Shape == JsonCallShape.GenericPoint && !signature.Equals(GenericPointSignature))
            {
                return JsonCallResult.NotRun(ExtensionCallStatus.ExportMissing,
                    $"version {extension.VersionNumber} of component '{call.ComponentName}' exports '{call.Target}' as {signature}, not {GenericPointSignature}");
            }

            IReadOnlyList<ComponentValue> arguments;
            try
            {
                arguments = Arguments(call, signature);
            }
            catch (WitJsonException exception)
            {
                return JsonCallResult.NotRun(ExtensionCallStatus.InvalidInput, exception.Message);
            }

            var run = await runner.RunAsync(extension, new ExtensionRunRequest
            {
                TenantId = call.TenantId,
                ComponentName = call.ComponentName,
                Target = call.Target,
                Arguments = arguments,
                Label = call.Label,
                Limits = call.Limits,
            }, cancellationToken);
            return Output(call.Shape, run, signature);
        }
    }

    private static IReadOnlyList<ComponentValue> Arguments(JsonCall call, ComponentFunctionSignature signature) => call.Shape switch
    {
        JsonCallShape.GenericPoint => [ComponentValue.String(call.Point!), ComponentValue.String(call.Input.GetRawText())],
        JsonCallShape.TypedPoint when signature.Parameters.Length == 1 =>
            [WitJson.FromJson(call.Input, signature.Parameters[0].Type, $"argument '{signature.Parameters[0].Name}'")],
        _ => WitJson.ArgumentsFromJson(call.Input, signature),
    };

    private static JsonCallResult Output(JsonCallShape shape, ExtensionRunResult run, ComponentFunctionSignature signature)
    {
        var invocation = run.Invocation!;
        var result = new JsonCallResult
        {
            Status = ExtensionCallStatus.Failed,
            Error = invocation.Error,
            Invocation = invocation,
            InvocationId = run.InvocationId,
            VersionId = run.VersionId,
            VersionNumber = run.VersionNumber,
        };
        if (invocation.Outcome is not (InvocationOutcome.Ok or InvocationOutcome.GuestError))
        {
            return result;
        }

        try
        {
            var ok = invocation.Outcome == InvocationOutcome.Ok;
            if (shape == JsonCallShape.ExportArguments)
            {
                var whole = signature.Result is null || invocation.Output is null ? null : WitJson.ToJson(invocation.Output, signature.Result);
                return result with
                {
                    Status = ok ? ExtensionCallStatus.Ok : ExtensionCallStatus.Failed,
                    Output = Element(whole),
                    ErrorValue = ok ? null : Element(whole?["err"]),
                };
            }

            var (payload, payloadType) = Unwrap(invocation.Output, signature.Result);
            var payloadJson = payload is null || payloadType is null ? null : WitJson.ToJson(payload, payloadType);
            if (!ok)
            {
                return result with { ErrorValue = Element(payloadJson) };
            }

            return result with
            {
                Status = ExtensionCallStatus.Ok,
                Output = shape == JsonCallShape.GenericPoint ? ParseJsonText(payloadJson!.GetValue<string>()) : Element(payloadJson),
            };
        }
        catch (Exception exception) when (exception is WitJsonException or JsonException)
        {
            return result with { Status = ExtensionCallStatus.InvalidOutput, Error = $"the component's output is not valid: {exception.Message}" };
        }
    }

    /// <summary>A result's payload and its type; any other value as it is.</summary>
    private static (ComponentValue? Payload, WitType? Type) Unwrap(ComponentValue? value, WitType? type) =>
        value is not null && type is WitType.Result result
            ? (value.Payload, value.IsOk ? result.Ok : result.Err)
            : (value, type);

    private static JsonElement ParseJsonText(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static JsonElement Element(JsonNode? node) => JsonSerializer.SerializeToElement(node);

    private static ExtensionCallStatus StatusOf(ExtensionRunStatus status) => status switch
    {
        ExtensionRunStatus.NotFound => ExtensionCallStatus.NotFound,
        ExtensionRunStatus.NoActiveVersion => ExtensionCallStatus.NoActiveVersion,
        ExtensionRunStatus.TenantDisabled => ExtensionCallStatus.TenantDisabled,
        ExtensionRunStatus.ComponentDisabled => ExtensionCallStatus.ComponentDisabled,
        ExtensionRunStatus.ConcurrencyLimited => ExtensionCallStatus.ConcurrencyLimited,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a refusal"),
    };
}
