using System.Text.Json;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Invocations.Running;
using ExtensibilityHost.Core.Runtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Invocations.Json;

/// <summary>
/// Calls tenant code with JSON in and JSON out, converted by <see cref="WitJson"/> with the WIT
/// types of the version that actually runs (read from the compiled component, not from a catalog),
/// so a component's own signature decides what its callers may send. Extension points call
/// through it; it is also the <see cref="IComponentInvoker"/> of typed export calls.
/// </summary>
internal sealed class JsonInvoker(ExtensionRunner runner, ComponentDescriptions descriptions) : IComponentInvoker
{
    public Task<ExtensionCallResult> InvokeExportAsync(
        string tenantId, string componentName, InvocationTarget target, JsonElement arguments, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(componentName);
        ArgumentNullException.ThrowIfNull(target);
        return CallAsync(new JsonCallRequest
        {
            TenantId = tenantId,
            ComponentName = componentName,
            Target = target,
            Shape = JsonCallShape.ExportArguments,
            Input = arguments,
            Label = target.ToString(),
        }, cancellationToken);
    }

    public async Task<ExtensionCallResult> CallAsync(JsonCallRequest call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        switch (await runner.PrepareAsync(call.TenantId, call.ComponentName, waitForSlot: false, cancellationToken))
        {
            case Preparation.Refused(var refused):
                return refused;
            case Preparation.Ready(var extension):
                using (extension)
                {
                    return await CallAsync(extension, call, cancellationToken);
                }

            default:
                throw new InvalidOperationException("unreachable: a preparation is ready or refused");
        }
    }

    private async Task<ExtensionCallResult> CallAsync(PreparedExtension extension, JsonCallRequest call, CancellationToken cancellationToken)
    {
        var version = extension.Version;
        var signature = descriptions.SignatureOf(extension.Component, call.Target);
        if (signature is null)
        {
            return ExtensionCallResult.Refused(ExtensionCallStatus.ExportMissing,
                $"version {version.Number} of component '{call.ComponentName}' has no export '{call.Target}'");
        }

        if (call.Shape == JsonCallShape.GenericPoint && !signature.Equals(JsonCallShapes.GenericPointSignature))
        {
            return ExtensionCallResult.Refused(ExtensionCallStatus.ExportMissing,
                $"version {version.Number} of component '{call.ComponentName}' exports '{call.Target}' as {signature}, not {JsonCallShapes.GenericPointSignature}");
        }

        IReadOnlyList<ComponentValue> arguments;
        try
        {
            arguments = JsonCallShapes.Arguments(call.Shape, call.Input, call.Point, signature);
        }
        catch (WitJsonException exception)
        {
            return ExtensionCallResult.Refused(ExtensionCallStatus.InvalidInput, exception.Message);
        }

        var ran = await runner.RunAsync(extension, new ExtensionRunRequest
        {
            TenantId = call.TenantId,
            ComponentName = call.ComponentName,
            Target = call.Target,
            Arguments = arguments,
            Label = call.Label,
            Limits = call.Limits,
        }, cancellationToken);
        return JsonCallShapes.Read(call.Shape, ran, signature);
    }
}
