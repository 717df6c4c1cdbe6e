using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>Calling a tenant's extension points: <c>POST /api/v1/tenants/{tenant}/extension-points/{point}/invoke</c>.</summary>
public sealed class ExtensionPointsClient
{
    /// <summary>
    /// The JSON of typed calls unless the caller gives its own: kebab-case property names, as WIT
    /// field names are (<c>UnitPriceCents</c> ⇄ <c>unit-price-cents</c>), the same as the in-process
    /// <c>IExtensionPoints.InvokeAsync&lt;TIn, TOut&gt;</c>.
    /// </summary>
    public static readonly JsonSerializerOptions WitNames = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower };

    private readonly ApiTransport _transport;

    internal ExtensionPointsClient(ApiTransport transport) => _transport = transport;

    /// <summary>
    /// Invokes the extension point with JSON input. A fail-closed point's failure is thrown (e.g.
    /// <see cref="ExtensionTimeoutException"/>); a fail-open point answers with its default and
    /// <see cref="ExtensionPointResult.UsedDefault"/>. Not retried automatically.
    /// </summary>
    public Task<ExtensionPointResult> InvokeAsync(string tenant, string point, JsonNode? input, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<ExtensionPointResult>(Path(tenant, point), new JsonObject { ["input"] = input?.DeepClone() }, cancellationToken);

    /// <summary>Invokes the extension point with <paramref name="input"/> and reads its output as <typeparamref name="TOut"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="point">The extension point.</param>
    /// <param name="input">The input, serialised with <paramref name="options"/> (default <see cref="WitNames"/>).</param>
    /// <param name="options">JSON of the input and the output.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<ExtensionPointResult<TOut>> InvokeAsync<TIn, TOut>(
        string tenant, string point, TIn input, JsonSerializerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= WitNames;
        var result = await InvokeAsync(tenant, point, JsonSerializer.SerializeToNode(input, options), cancellationToken);
        return new ExtensionPointResult<TOut>
        {
            Point = result.Point,
            Output = result.Output,
            UsedDefault = result.UsedDefault,
            Outcome = result.Outcome,
            Trap = result.Trap,
            Error = result.Error,
            DurationMs = result.DurationMs,
            InvocationId = result.InvocationId,
            Component = result.Component,
            Version = result.Version,
            Value = result.Output is { ValueKind: not JsonValueKind.Null } output ? output.Deserialize<TOut>(options) : default,
        };
    }

    /// <summary>Binds <paramref name="component"/> to the point for the tenant (or moves the binding to it).</summary>
    public Task<ExtensionPointBinding> BindAsync(string tenant, string point, string component, CancellationToken cancellationToken = default) =>
        _transport.PutAsync<ExtensionPointBinding>(
            $"/api/v1/tenants/{ApiTransport.Segment(tenant)}/extension-points/{ApiTransport.Segment(point)}/binding", new { component }, cancellationToken);

    /// <summary>The tenant's bindings.</summary>
    public Task<List<ExtensionPointBinding>> ListBindingsAsync(string tenant, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<ExtensionPointBinding>>($"/api/v1/tenants/{ApiTransport.Segment(tenant)}/extension-points", cancellationToken);

    /// <summary>Removes the tenant's binding of the point: calls answer as unbound (a fail-open point's default).</summary>
    public Task UnbindAsync(string tenant, string point, CancellationToken cancellationToken = default) =>
        _transport.DeleteAsync($"/api/v1/tenants/{ApiTransport.Segment(tenant)}/extension-points/{ApiTransport.Segment(point)}/binding", cancellationToken);

    private static string Path(string tenant, string point) =>
        $"/api/v1/tenants/{ApiTransport.Segment(tenant)}/extension-points/{ApiTransport.Segment(point)}/invoke";
}
