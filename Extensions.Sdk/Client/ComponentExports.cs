using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Sdk.Wit.Runtime;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>
/// The exports of one tenant's component over the HTTP API, as the <see cref="IWitJsonInvoker"/> of
/// clients generated from WIT: <c>new PricingJsonClient(client.Exports.For(tenant, "pricing"))</c>. Get it
/// from <see cref="ExportsClient.For"/>; it holds no state besides the names, so keep or recreate it freely.
/// </summary>
/// <remarks>
/// A WIT <c>err</c> the component returns is a value (<c>Result.Err</c>), not an exception, although the
/// host answers it as the problem <c>guest-error</c> (422) with the payload as <c>errorValue</c>. Every
/// other problem is thrown as the client's exception for it (<see cref="ExtensionTimeoutException"/>,
/// <see cref="ExtensionTrapException"/>, <see cref="NotFoundException"/> for a missing export,
/// <see cref="InvalidRequestException"/> for arguments that do not match the deployed version's WIT…).
/// </remarks>
public sealed class ComponentExports : IWitJsonInvoker
{
    private readonly ExportsClient _exports;

    internal ComponentExports(ExportsClient exports, string tenant, string component)
    {
        _exports = exports;
        Tenant = tenant;
        Component = component;
    }

    /// <summary>The tenant.</summary>
    public string Tenant { get; }

    /// <summary>The tenant's component whose active version is called.</summary>
    public string Component { get; }

    /// <inheritdoc/>
    public async Task<JsonNode?> InvokeAsync(string interfaceName, string function, IReadOnlyList<JsonNode?> arguments, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        ArgumentNullException.ThrowIfNull(arguments);
        try
        {
            var result = await _exports.SendAsync(Tenant, Component, interfaceName, function, new JsonArray([.. arguments]), cancellationToken).ConfigureAwait(false);
            return Node(result.Output);
        }
        catch (ExtensionGuestErrorException exception)
        {
            // Only a returned result<_, _> whose case is err is a guest error, so this is the whole return value.
            return new JsonObject { ["err"] = Node(exception.ErrorValue) };
        }
    }

    private static JsonNode? Node(JsonElement? element) => element switch
    {
        null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.Object } value => JsonObject.Create(value),
        { ValueKind: JsonValueKind.Array } value => JsonArray.Create(value),
        { } value => JsonValue.Create(value),
    };
}
