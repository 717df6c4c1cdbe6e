using System.Text.Json;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>The <see cref="IComponentInvoker"/>: one <see cref="JsonCalls"/> call shaped as an <see cref="ExportCallResult"/>.</summary>
internal sealed class ComponentInvoker(JsonCalls calls) : IComponentInvoker
{
    public async Task<ExportCallResult> InvokeExportAsync(
        string tenantId, string componentName, string? interfaceName, string function, JsonElement arguments, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(componentName);
        ArgumentException.ThrowIfNullOrEmpty(function);
        var target = new InvocationTarget(string.IsNullOrEmpty(interfaceName) ? null : interfaceName, function);
        var result = await calls.CallAsync(new JsonCall
        {
            TenantId = tenantId,
            ComponentName = componentName,
            Target = target,
            Shape = JsonCallShape.ExportArguments,
            Input = arguments,
            Label = target.ToString(),
        }, cancellationToken);

        return new ExportCallResult
        {
            Status = result.Status,
            Output = result.Output,
            ErrorValue = result.ErrorValue,
            Outcome = result.Invocation?.Outcome,
            Trap = result.Invocation?.Trap,
            Error = result.Error,
            DurationMs = result.Invocation?.Duration.TotalMilliseconds ?? 0,
            InvocationId = result.InvocationId,
            VersionId = result.VersionId,
            VersionNumber = result.VersionNumber,
            Logs = result.Invocation?.Logs ?? [],
        };
    }
}
