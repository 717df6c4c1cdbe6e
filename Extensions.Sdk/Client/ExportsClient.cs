using System.Text.Json.Nodes;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>Typed calls of any export of a tenant's active version: <c>POST …/components/{name}/invoke/{interface}/{function}</c>.</summary>
public sealed class ExportsClient
{
    private readonly ApiTransport _transport;

    internal ExportsClient(ApiTransport transport) => _transport = transport;

    /// <summary>
    /// Calls <paramref name="function"/> of <paramref name="interfaceName"/> (null for a root export) with
    /// JSON arguments converted by the function's WIT types. A call that does not end <c>ok</c> is
    /// thrown (e.g. <see cref="ExtensionGuestErrorException"/>). Not retried automatically.
    /// </summary>
    public Task<ExportCallResult> CallAsync(
        string tenant, string component, string? interfaceName, string function, IEnumerable<JsonNode?> arguments,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var target = interfaceName is null
            ? ApiTransport.Segment(function)
            : $"{ApiTransport.Segment(interfaceName)}/{ApiTransport.Segment(function)}";
        return _transport.PostAsync<ExportCallResult>(
            $"/api/v1/tenants/{ApiTransport.Segment(tenant)}/components/{ApiTransport.Segment(component)}/invoke/{target}",
            new JsonObject { ["args"] = new JsonArray([.. arguments.Select(a => a?.DeepClone())]) },
            cancellationToken);
    }
}
