using System.Text.Json.Nodes;

namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>
/// Calls one function of an interface exported by a component, with arguments and result in the JSON
/// form of <c>docs/json-mapping.md</c>. Generated JSON clients (<c>PricingJsonClient</c> …) convert typed
/// arguments and results with the generated <c>…Json</c> classes and call this, so application code can
/// call tenant code over the HTTP API (<c>ExportsClient.For(tenant, component)</c> in the .NET client)
/// without referencing Wasmtime.
/// </summary>
public interface IWitJsonInvoker
{
    /// <summary>Calls <paramref name="function"/> of <paramref name="interfaceName"/>.</summary>
    /// <param name="interfaceName">The exported interface, e.g. <c>acme:shop/pricing@1.0.0</c>.</param>
    /// <param name="function">The function name as declared in WIT, e.g. <c>discount</c>.</param>
    /// <param name="arguments">One JSON value per parameter, in declaration order (<see langword="null"/> is JSON <c>null</c>).</param>
    /// <param name="cancellationToken">Cancels the call where the call path allows it.</param>
    /// <returns>
    /// The function's return value as JSON: a WIT <c>err</c> result is a return value like any other
    /// (<c>{"err": …}</c>), even when the call path reports it as a failure. <see langword="null"/> for
    /// JSON <c>null</c> and for a function that returns nothing.
    /// </returns>
    /// <remarks>
    /// A call that returned no value (a trap, a timeout, a refusal) is thrown by the call path's own
    /// exception: <see cref="WitInvocationException"/> in-process, the .NET client's
    /// <c>ExtensibilityHostException</c> subclasses over HTTP.
    /// </remarks>
    Task<JsonNode?> InvokeAsync(string interfaceName, string function, IReadOnlyList<JsonNode?> arguments, CancellationToken cancellationToken);
}
