using System.Text.Json;
using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Json;
using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>
/// The <see cref="IExtensionPoints"/>: finds the point and the tenant's bound component, calls it
/// through <see cref="JsonInvoker"/> (so through the runner, with the point's limits) and applies the
/// point's failure policy.
/// </summary>
internal sealed partial class ExtensionPoints(
    ExtensionPointRegistry registry, IServiceScopeFactory scopes, JsonInvoker invoker, HostChanges changes, ILogger<ExtensionPoints> logger) : IExtensionPoints
{
    private readonly NodeCache<(string Tenant, string Point), string?> _bindings = new(changes);

    private static readonly JsonSerializerOptions DefaultSerializerOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
    };

    public async Task<ExtensionPointResult> InvokeAsync(string tenantId, string point, JsonElement input, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(point);
        if (registry.Find(point) is not { } definition)
        {
            return new ExtensionPointResult
            {
                Point = point,
                Call = ExtensionCallResult.Refused(ExtensionCallStatus.UnknownPoint, $"no extension point '{point}' is configured"),
            };
        }

        var componentName = await BoundComponentAsync(tenantId, point, cancellationToken);
        if (componentName is null)
        {
            return ApplyPolicy(definition, tenantId, new ExtensionPointResult
            {
                Point = point,
                Call = ExtensionCallResult.Refused(ExtensionCallStatus.NotBound, $"tenant '{tenantId}' has bound no component to extension point '{point}'"),
            });
        }

        var call = await invoker.CallAsync(new JsonCallRequest
        {
            TenantId = tenantId,
            ComponentName = componentName,
            Target = definition.Target,
            Shape = definition.Kind == ExtensionPointKind.Generic ? JsonCallShape.GenericPoint : JsonCallShape.TypedPoint,
            Input = input,
            Label = $"point:{point}",
            Point = point,
            Limits = definition.Limits,
        }, cancellationToken);

        return ApplyPolicy(definition, tenantId, new ExtensionPointResult { Point = point, Call = call, ComponentName = componentName, Output = call.Output });
    }

    public async Task<ExtensionPointResult<TOutput>> InvokeAsync<TInput, TOutput>(
        string tenantId, string point, TInput input, JsonSerializerOptions? serializerOptions = null, CancellationToken cancellationToken = default)
    {
        var options = serializerOptions ?? DefaultSerializerOptions;
        var result = await InvokeAsync(tenantId, point, JsonSerializer.SerializeToElement(input, options), cancellationToken);
        if (result.Output is not { } output)
        {
            return new ExtensionPointResult<TOutput> { Result = result };
        }

        try
        {
            return new ExtensionPointResult<TOutput> { Result = result, Output = output.Deserialize<TOutput>(options) };
        }
        catch (JsonException exception) when (!result.UsedDefault)
        {
            // The tenant's answer does not fit the application's type: a failure of tenant code like any other.
            var invalid = ApplyPolicy(registry.Find(point)!, tenantId, result with
            {
                Call = result.Call with
                {
                    Status = ExtensionCallStatus.InvalidOutput,
                    Error = $"the output does not deserialize into {typeof(TOutput).Name}: {exception.Message}",
                },
                Output = null,
            });
            return new ExtensionPointResult<TOutput>
            {
                Result = invalid,
                Output = invalid.Output is { } fallback ? fallback.Deserialize<TOutput>(options) : default,
            };
        }
    }

    /// <summary>The tenant's component bound to the point, cached per node until a binding changes (<see cref="ExtensionPointBinder"/> stamps it).</summary>
    private ValueTask<string?> BoundComponentAsync(string tenantId, string point, CancellationToken cancellationToken) =>
        _bindings.GetOrLoadAsync((tenantId, point), scopes, static async (binding, scopes, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<HostDbContext>().ExtensionPointBindings
                .AsNoTracking()
                .Where(b => b.TenantId == binding.Tenant && b.Point == binding.Point)
                .Select(b => b.ComponentName)
                .FirstOrDefaultAsync(ct);
        }, cancellationToken);

    private ExtensionPointResult ApplyPolicy(ExtensionPointDefinition definition, string tenantId, ExtensionPointResult result)
    {
        // Invalid input is the caller's bug: answering it with a default would hide it. A tenant at
        // its concurrency limit is told so (429 over HTTP), so the application can back off.
        if (result.Status is ExtensionCallStatus.Ok or ExtensionCallStatus.InvalidInput or ExtensionCallStatus.ConcurrencyLimited
            || definition.FailurePolicy != ExtensionPointFailurePolicy.FailOpen)
        {
            return result;
        }

        LogFailedOpen(definition.Name, tenantId, result.Status, result.Outcome, result.Error);
        return result with { Output = definition.Default, UsedDefault = true };
    }
}
