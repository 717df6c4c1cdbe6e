using Wasmtime.Components;

namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>
/// Calls one function of an interface exported by a component, with arguments and result as component
/// values. Generated clients (<c>PricingClient</c> …) convert typed arguments and results and call this,
/// so the same generated code runs on any call path: a sandbox in-process, the host's extension runner
/// (tenant, component, limits, invocation log), or the HTTP API.
/// </summary>
public interface IWitInvoker
{
    /// <summary>Calls <paramref name="function"/> of <paramref name="interfaceName"/>.</summary>
    /// <param name="interfaceName">The exported interface, e.g. <c>acme:shop/pricing@1.0.0</c>.</param>
    /// <param name="function">The function name as declared in WIT, e.g. <c>discount</c>.</param>
    /// <param name="arguments">One value per parameter, in declaration order.</param>
    /// <param name="cancellationToken">Cancels the call where the call path allows it.</param>
    /// <returns>
    /// The function's return value (a WIT <c>err</c> result is a return value like any other), or
    /// <see langword="null"/> for a function that returns nothing.
    /// </returns>
    /// <exception cref="WitInvocationException">The call did not return a value: it trapped, timed out, ran out of memory or fuel, or was refused.</exception>
    Task<ComponentValue?> InvokeAsync(string interfaceName, string function, IReadOnlyList<ComponentValue> arguments, CancellationToken cancellationToken);
}
