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
        return SendAsync(tenant, component, interfaceName, function, new JsonArray([.. arguments.Select(a => a?.DeepClone())]), cancellationToken);
    }

    /// <summary>
    /// The exports of <paramref name="component"/> of <paramref name="tenant"/> as an
    /// <see cref="Wit.Runtime.IWitJsonInvoker"/>, for clients generated from WIT:
    /// <c>new PricingJsonClient(client.Exports.For(tenant, "pricing")).DiscountAsync(cart)</c>.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="component">The tenant's component; its active version is called.</param>
    /// <returns>The invoker.</returns>
    public ComponentExports For(string tenant, string component)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenant);
        ArgumentException.ThrowIfNullOrEmpty(component);
        return new ComponentExports(this, tenant, component);
    }

    /// <summary>Posts the call; <paramref name="arguments"/> becomes the request's, so it must not belong to another node.</summary>
    internal Task<ExportCallResult> SendAsync(
        string tenant, string component, string? interfaceName, string function, JsonArray arguments, CancellationToken cancellationToken)
    {
        var target = interfaceName is null
            ? ApiTransport.Segment(function)
            : $"{ApiTransport.Segment(interfaceName)}/{ApiTransport.Segment(function)}";
        return _transport.PostAsync<ExportCallResult>(
            $"/api/v1/tenants/{ApiTransport.Segment(tenant)}/components/{ApiTransport.Segment(component)}/invoke/{target}",
            new JsonObject { ["args"] = arguments },
            cancellationToken);
    }
}
