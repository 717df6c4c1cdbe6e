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

            if (call.Shape == JsonCallShape.GenericPoint && !signature.Equals(JsonCallShapes.GenericPointSignature))
            {
                return JsonCallResult.NotRun(ExtensionCallStatus.ExportMissing,
                    $"version {extension.VersionNumber} of component '{call.ComponentName}' exports '{call.Target}' as {signature}, not {JsonCallShapes.GenericPointSignature}");
            }

            IReadOnlyList<ComponentValue> arguments;
            try
            {
                arguments = JsonCallShapes.Arguments(call.Shape, call.Input, call.Point, signature);
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
            return JsonCallShapes.Read(call.Shape, run.Invocation!, signature) with
            {
                InvocationId = run.InvocationId,
                VersionId = run.VersionId,
                VersionNumber = run.VersionNumber,
            };
        }
    }

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
